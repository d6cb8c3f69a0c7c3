from . import test_business_date
