from . import dinas_letter_request_reject
from . import dinas_letter_request_revoke
