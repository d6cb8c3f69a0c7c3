from . import capital
from . import rat
from . import shu
