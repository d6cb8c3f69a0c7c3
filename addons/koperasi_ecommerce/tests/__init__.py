from . import test_tools
from . import test_producer_ledger
