from . import commission
from . import payment_proof
from . import whatsapp
