from . import test_member
