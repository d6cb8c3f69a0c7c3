from . import koperasi_savings_teller
from . import koperasi_loan_payment_register
from . import koperasi_loan_portfolio
from . import koperasi_rat_report
from . import koperasi_opening_import
