from . import test_capital_tools
from . import test_member
from . import test_capital
from . import test_activation
from . import test_settlement
from . import test_access_rights
from . import test_export
from . import test_website
