"""The door of the workflow fields (see ``koperasi.workflow.mixin``).

The context key below opens the workflow fields only when it holds the
``_WORKFLOW`` object. A client speaks JSON: it can send the key, never this
value, so no context a client sends opens anything. Only the suite's own
code does, through :func:`workflow_action` on the public action methods (each
of which checks the acting user's group) and the mixin's
``_workflow_write`` / ``_workflow_create`` in private code.
"""

import functools

from odoo.models import BaseModel

_WORKFLOW = object()
CONTEXT_KEY = "koperasi_workflow"


def is_open(env):
    return env.su or env.context.get(CONTEXT_KEY) is _WORKFLOW


def open_env(records):
    """``records`` in an environment that may set workflow fields."""
    return records.with_context(**{CONTEXT_KEY: _WORKFLOW})


def _closed(result, env):
    """What an action returns, without the opened environment: records go
    back to the caller's environment, action dictionaries lose the key."""
    if isinstance(result, BaseModel):
        return result.with_env(env)
    if isinstance(result, dict) and isinstance(result.get("context"), dict):
        if CONTEXT_KEY in result["context"]:
            context = dict(result["context"])
            context.pop(CONTEXT_KEY)
            result = {**result, "context": context}
    return result


def workflow_action(method):
    """Decorate a public action method: it runs with the workflow fields open.

    The method itself checks the acting user's group before it changes
    anything (``_workflow_check_group`` of the mixin).
    """

    @functools.wraps(method)
    def action(self, *args, **kwargs):
        return _closed(method(open_env(self), *args, **kwargs), self.env)

    return action
