from . import koperasi_member_settle
from . import koperasi_rat_report
from . import koperasi_opening_import
from . import koperasi_opening_import_problem
