from . import test_business_date
from . import test_inputs
from . import test_xlsx
from . import test_form_throttle
from . import test_cron_nodes
