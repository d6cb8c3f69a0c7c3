from . import koperasi_savings_product
