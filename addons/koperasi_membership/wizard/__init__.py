from . import koperasi_member_settle
from . import koperasi_rat_report
from . import koperasi_opening_import
from . import koperasi_opening_import_problem
from . import koperasi_financial_statement
from . import general_ledger_report_wizard
