from . import portal
from . import sales_report
