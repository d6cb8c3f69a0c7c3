"""Authentication, rate limit and errors of the member app's API.

A request carries ``Authorization: Bearer <token>``, a token of
``POST /auth/token`` (an Odoo API key of the member's user with the app's
scope). The token is checked, the request counted against the token's rate
limit, and the routes get an environment of the member's user, not sudo: the
portal's record rules decide what it reads.
"""

import logging
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from odoo.api import Environment
from odoo.exceptions import AccessError, MissingError

from odoo.addons.fastapi.context import odoo_env_ctx
from odoo.addons.fastapi.dependencies import authenticated_partner_env, odoo_env

from ..schemas import ErrorResponse, ValidationErrorResponse

RATE_SCOPE = "koperasi.member.api"
LOGIN_RATE_SCOPE = "koperasi.member.api.login"
# Requests a minute per token (System Parameter koperasi_membership.api_rate_limit)
# and token requests a minute per client address
# (koperasi_membership.api_login_rate_limit).
RATE_LIMIT = 120
LOGIN_RATE_LIMIT = 10
RATE_WINDOW = 60

bearer_scheme = HTTPBearer(
    auto_error=False,
    description="A token of POST /auth/token.",
)

ERROR_RESPONSES = {
    status.HTTP_401_UNAUTHORIZED: {
        "model": ErrorResponse,
        "description": "Missing, wrong or expired token.",
    },
    status.HTTP_403_FORBIDDEN: {
        "model": ErrorResponse,
        "description": "The account is not a member's.",
    },
    422: {
        "model": ValidationErrorResponse,
        "description": "A value of the request is invalid.",
    },
    status.HTTP_429_TOO_MANY_REQUESTS: {
        "model": ErrorResponse,
        "description": "Too many requests: wait the seconds of Retry-After.",
    },
}
NOT_FOUND_RESPONSE = {
    status.HTTP_404_NOT_FOUND: {"model": ErrorResponse, "description": "Not found."}
}
BAD_REQUEST_RESPONSE = {
    status.HTTP_400_BAD_REQUEST: {
        "model": ErrorResponse,
        "description": "The request breaks a rule of the cooperative.",
    }
}


class ApiError(HTTPException):
    """An answer of the API with its status and message: Odoo logs it as
    information (``loglevel``), not as a server error with a traceback."""

    loglevel = logging.INFO


def _param(env, name, default):
    value = env["ir.config_parameter"].sudo().get_param(name, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def unauthorized(env):
    return ApiError(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=env._("Sign in again: the token is missing, wrong or expired."),
        headers={"WWW-Authenticate": "Bearer"},
    )


def not_found(env):
    return ApiError(status_code=status.HTTP_404_NOT_FOUND, detail=env._("Not found."))


def check_rate(env, scope, client, limit):
    """Raise 429 with ``Retry-After`` when ``client`` sent too many requests."""
    wait = env["koperasi.form.throttle"]._hit_rate(scope, client, limit, RATE_WINDOW)
    if wait:
        raise ApiError(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail=env._(
                "Too many requests. Please try again in %(seconds)s seconds.",
                seconds=wait,
            ),
            headers={"Retry-After": str(wait)},
        )


def client_address(request: Request):
    """The client's address (Odoo's ``proxy_mode`` sets it from the proxy)."""
    return request.client.host if request.client else "unknown"


def login_rate_limit(
    request: Request, env: Annotated[Environment, Depends(odoo_env)]
) -> None:
    """Token requests a minute from one address, whatever their outcome."""
    limit = _param(env, "koperasi_membership.api_login_rate_limit", LOGIN_RATE_LIMIT)
    check_rate(env, LOGIN_RATE_SCOPE, f"addr:{client_address(request)}", limit)


class MemberKey:
    """The token of the request: its key id and its user."""

    __slots__ = ("key_id", "user_id")

    def __init__(self, key_id, user_id):
        self.key_id = key_id
        self.user_id = user_id


def member_key(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    env: Annotated[Environment, Depends(odoo_env)],
) -> MemberKey:
    """The request's valid token, counted against its rate limit (401, 429)."""
    found = None
    if credentials and credentials.scheme.lower() == "bearer":
        found = env["res.users.apikeys"]._koperasi_member_api_check(
            credentials.credentials
        )
    if not found:
        raise unauthorized(env)
    key_id, user_id = found
    limit = _param(env, "koperasi_membership.api_rate_limit", RATE_LIMIT)
    check_rate(env, RATE_SCOPE, f"key:{key_id}", limit)
    return MemberKey(key_id, user_id)


def member_user_env(env, user_id, request=None):
    """An environment of the member's user, in their language (or the one
    the request's ``Accept-Language`` asks for, when installed)."""
    user = env["res.users"].sudo().browse(user_id)
    lang = user.lang
    accept = request.headers.get("Accept-Language") if request else None
    if accept:
        lang = env["res.lang"].sudo()._get_lang_from_accept_language(accept) or lang
    if request is not None:
        # The language of the messages of invalid requests (see below).
        request.state.koperasi_lang = lang
    return env(user=user_id, su=False, context={"lang": lang, "tz": user.tz})


def authenticated_member_partner(
    key: Annotated[MemberKey, Depends(member_key)],
    env: Annotated[Environment, Depends(odoo_env)],
    request: Request,
):
    """The implementation of OCA's ``authenticated_partner_impl``: the token's
    user's contact, in that user's environment."""
    member_env = member_user_env(env, key.user_id, request)
    return member_env.user.partner_id


def authenticated_member(
    partner_env: Annotated[Environment, Depends(authenticated_partner_env)],
):
    """The member record of the token's user, read with the user's rights
    (403 when the user is no member)."""
    member = partner_env["koperasi.member"]._get_member_for_user()
    if not member:
        raise ApiError(
            status_code=status.HTTP_403_FORBIDDEN,
            detail=partner_env._("This account is not a member's account."),
        )
    return member.sudo(False)


def own_record(member, model, record_id):
    """The record ``record_id`` of ``model`` if the member may read it and it
    is the member's own, else 404 (another member's id answers like a
    missing one)."""
    record = member.env[model].browse(record_id)
    try:
        record.check_access("read")
        if not record.exists() or record.member_id != member:
            raise MissingError(model)
    except (AccessError, MissingError):
        raise not_found(member.env) from None
    return record


class RequestErrorMiddleware:
    """Requests the app refuses before any route runs answer like every other
    error of the API, ``{"detail": <message in the member's language>}``,
    without a server error in the log:

    - invalid values (a text for a number, a number out of bounds, a control
      character): 422, with the fields in ``errors`` (the values are not sent
      back);
    - an address or a method of no route: 404 or 405.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        try:
            await self.app(scope, receive, send)
        except RequestValidationError as exc:
            env = self._env(scope)
            errors = [
                {
                    "loc": [str(part) for part in error.get("loc", ())],
                    "msg": str(error.get("msg", ""))[:200],
                    "type": str(error.get("type", "")),
                }
                for error in exc.errors()[:20]
            ]
            fields = ", ".join(
                dict.fromkeys(
                    str(error["loc"][-1]) if error["loc"] else "body"
                    for error in errors
                )
            )
            body = {
                "detail": env._("Check the value of %(fields)s.", fields=fields[:200]),
                "errors": errors,
            }
            await JSONResponse(body, status_code=422)(scope, receive, send)
        except StarletteHTTPException as exc:
            if isinstance(exc, ApiError):
                raise
            detail = exc.detail
            if exc.status_code == status.HTTP_404_NOT_FOUND:
                detail = self._env(scope)._("Not found.")
            response = JSONResponse(
                {"detail": detail}, status_code=exc.status_code, headers=exc.headers
            )
            await response(scope, receive, send)

    @staticmethod
    def _env(scope):
        env = odoo_env_ctx.get()
        lang = (scope.get("state") or {}).get("koperasi_lang")
        if lang:
            env = env(context=dict(env.context, lang=lang))
        return env
