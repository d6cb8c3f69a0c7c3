from .shop import shop_router
