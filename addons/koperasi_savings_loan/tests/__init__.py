from . import (
    test_savings_interest,
    test_savings_account,
)
