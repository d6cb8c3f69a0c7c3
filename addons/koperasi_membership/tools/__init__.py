from . import capital
from . import shu
from . import xlsx
