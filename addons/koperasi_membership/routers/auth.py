from typing import Annotated

from fastapi import APIRouter, Depends, status
from fastapi.responses import JSONResponse

from odoo.api import Environment
from odoo.exceptions import AccessDenied

from odoo.addons.fastapi.dependencies import odoo_env

from ..schemas import Message, Token, TokenRequest
from .dependencies import (
    ERROR_RESPONSES,
    ApiError,
    MemberKey,
    login_rate_limit,
    member_key,
    member_user_env,
)

auth_router = APIRouter(tags=["auth"], responses=ERROR_RESPONSES)


@auth_router.post(
    "/auth/token",
    summary="Sign in: a token for the login and password of a member",
    response_model=Token,
    dependencies=[Depends(login_rate_limit)],
)
def create_token(
    data: TokenRequest, env: Annotated[Environment, Depends(odoo_env)]
) -> Token:
    """Checks the login and password as Odoo does for RPC (login cooldown
    included; an account with two-factor authentication signs in with an API
    key only) and returns a bearer token of the member's user for the app's
    scope, valid for 30 days (System Parameter
    ``koperasi_membership.api_token_days``)."""
    try:
        user = env["res.users"]._koperasi_member_api_login(data.login, data.password)
    except AccessDenied:
        # An answer, not an exception: the attempt stays counted by the
        # address's rate limit.
        return JSONResponse(
            {"detail": env._("Wrong login or password.")},
            status_code=status.HTTP_401_UNAUTHORIZED,
            headers={"WWW-Authenticate": "Bearer"},
        )
    member_env = member_user_env(env, user.id)
    if not member_env["koperasi.member"]._get_member_for_user():
        raise ApiError(
            status_code=status.HTTP_403_FORBIDDEN,
            detail=member_env._("This account is not a member's account."),
        )
    key, expiry = member_env["res.users.apikeys"]._koperasi_member_api_issue(
        member_env.user, data.device
    )
    return Token(access_token=key, expires_at=expiry)


@auth_router.delete(
    "/auth/token",
    summary="Sign out: revoke the token of the request",
    response_model=Message,
)
def revoke_token(
    key: Annotated[MemberKey, Depends(member_key)],
    env: Annotated[Environment, Depends(odoo_env)],
) -> Message:
    member_env = member_user_env(env, key.user_id)
    member_env["res.users.apikeys"]._koperasi_member_api_revoke(
        key.key_id, member_env.user
    )
    return Message(detail=member_env._("You are signed out."))
