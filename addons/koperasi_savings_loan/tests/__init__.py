from . import (
    test_savings_interest,
    test_savings_account,
    test_concurrency,
    test_withdrawal_request,
    test_portal,
    test_access_rights,
    test_loan_schedule,
    test_loan,
    test_loan_portal,
    test_loan_access_rights,
    test_shu_savings,
    test_shu_rat_savings_loan,
    test_loan_portfolio_tools,
    test_rat_loan_portfolio,
)
from . import test_business_date
from . import test_workflow_rpc
from . import test_exit
from . import test_second_company
from . import test_hostile_input
from . import test_personas
from . import test_api
from . import test_chart
from . import test_opening_import
from . import test_savings_payment
