from . import portal
from . import main
from . import site_content
