from . import bulk
from . import business_date
from . import locking
from . import numbering
from . import workflow
