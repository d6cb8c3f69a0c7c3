from . import koperasi_business_unit
