from . import capital
from . import xlsx
