from . import test_kpi
from . import test_batch
from . import test_stock
from . import test_access_rights
from . import test_portal
from . import test_second_company
from . import test_hostile_input
from . import test_personas
