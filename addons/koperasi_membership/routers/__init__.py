from .auth import auth_router
from .member import member_router
