from . import ir_http
from . import koperasi_company_guard
from . import koperasi_form_throttle
from . import koperasi_workflow_mixin
