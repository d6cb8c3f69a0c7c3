from . import koperasi_savings_teller
