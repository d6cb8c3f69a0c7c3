from . import res_company
from . import res_config_settings
from . import koperasi_member_group
from . import koperasi_member
from . import koperasi_capital_due
from . import koperasi_capital_payment
from . import koperasi_capital_allocation
