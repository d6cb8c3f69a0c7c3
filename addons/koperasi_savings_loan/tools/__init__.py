from . import loan_schedule, savings_interest
