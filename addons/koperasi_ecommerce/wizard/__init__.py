from . import sale_order_proof_reject
