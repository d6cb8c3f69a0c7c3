from . import koperasi_member_group
from . import koperasi_member
