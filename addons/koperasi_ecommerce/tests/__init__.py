from . import test_tools
from . import test_producer_ledger
from . import test_payment_proof
from . import test_payout_concurrency
from . import test_member_price
from . import test_access_rights
from . import test_shop_performance
from . import test_tours
