from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, status

from odoo.addons.koperasi_base.tools.inputs import MAX_ID
from odoo.addons.koperasi_membership.routers.dependencies import (
    BAD_REQUEST_RESPONSE,
    ERROR_RESPONSES,
    NOT_FOUND_RESPONSE,
    authenticated_member,
    own_record,
)

from ..schemas import (
    SavingsAccount,
    SavingsTransaction,
    WithdrawalRequest,
    WithdrawalRequestIn,
)

savings_router = APIRouter(tags=["savings"], responses=ERROR_RESPONSES)

Member = Annotated[object, Depends(authenticated_member)]
AccountId = Annotated[int, Path(ge=1, le=MAX_ID, description="A savings account.")]
Limit = Annotated[int, Query(ge=1, le=200, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=100000, description="Skip this many.")]


@savings_router.get(
    "/savings",
    summary="The member's savings accounts and balances",
    response_model=list[SavingsAccount],
)
def list_savings(member: Member) -> list[SavingsAccount]:
    # As on the portal: the member's accounts that are not closed.
    accounts = member.env["koperasi.savings.account"].search(
        [("member_id", "=", member.id), ("state", "!=", "closed")], order="id"
    )
    return [SavingsAccount.from_account(account) for account in accounts]


@savings_router.get(
    "/savings/{account_id}",
    summary="One savings account of the member",
    response_model=SavingsAccount,
    responses=NOT_FOUND_RESPONSE,
)
def get_savings(member: Member, account_id: AccountId) -> SavingsAccount:
    account = own_record(member, "koperasi.savings.account", account_id)
    return SavingsAccount.from_account(account)


@savings_router.get(
    "/savings/{account_id}/transactions",
    summary="The posted transactions of a savings account, newest first",
    response_model=list[SavingsTransaction],
    responses=NOT_FOUND_RESPONSE,
)
def list_savings_transactions(
    member: Member, account_id: AccountId, limit: Limit = 50, offset: Offset = 0
) -> list[SavingsTransaction]:
    account = own_record(member, "koperasi.savings.account", account_id)
    transactions = member.env["koperasi.savings.transaction"].search(
        [("account_id", "=", account.id), ("state", "=", "posted")],
        limit=limit,
        offset=offset,
    )
    return [SavingsTransaction.from_transaction(t) for t in transactions]


@savings_router.post(
    "/savings/{account_id}/withdrawals",
    summary="Ask the board for a withdrawal from a savings account",
    response_model=WithdrawalRequest,
    status_code=status.HTTP_201_CREATED,
    responses={**NOT_FOUND_RESPONSE, **BAD_REQUEST_RESPONSE},
)
def request_withdrawal(
    member: Member, account_id: AccountId, data: WithdrawalRequestIn
) -> WithdrawalRequest:
    """The same request as the portal's form: the amount must leave the
    account's minimum balance; the board approves it."""
    account = own_record(member, "koperasi.savings.account", account_id)
    withdrawal = member.env["koperasi.savings.withdrawal.request"]._create_from_portal(
        account, data.amount, data.destination
    )
    return WithdrawalRequest.from_request(withdrawal.sudo(False))
