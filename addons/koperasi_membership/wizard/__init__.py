from . import koperasi_member_settle
from . import koperasi_rat_report
