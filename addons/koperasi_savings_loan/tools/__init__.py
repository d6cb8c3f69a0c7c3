from . import loan_portfolio, loan_schedule, savings_interest
