from . import business_date
