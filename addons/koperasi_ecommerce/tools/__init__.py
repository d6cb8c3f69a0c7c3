from . import commission
from . import payment_proof
from . import whatsapp
from . import sales_xlsx
