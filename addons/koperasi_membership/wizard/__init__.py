from . import koperasi_member_settle
