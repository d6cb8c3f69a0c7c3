from . import res_company
from . import koperasi_savings_product
from . import koperasi_savings_account
from . import koperasi_savings_transaction
from . import koperasi_savings_withdrawal_request
from . import koperasi_member
