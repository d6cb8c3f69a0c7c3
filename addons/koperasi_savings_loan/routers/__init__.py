from .loans import loan_router
from .savings import savings_router
