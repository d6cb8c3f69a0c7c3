from typing import Annotated

from fastapi import APIRouter, Depends, Path, status

from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools.inputs import MAX_ID
from odoo.addons.koperasi_membership.routers.dependencies import (
    BAD_REQUEST_RESPONSE,
    ERROR_RESPONSES,
    NOT_FOUND_RESPONSE,
    authenticated_member,
    own_record,
)
from odoo.addons.koperasi_membership.schemas import rupiah

from ..schemas import (
    Loan,
    LoanApplicationIn,
    LoanInstalment,
    LoanProduct,
    LoanSimulation,
    LoanSimulationIn,
    SimulatedInstalment,
)

loan_router = APIRouter(tags=["loans"], responses=ERROR_RESPONSES)

Member = Annotated[object, Depends(authenticated_member)]
LoanId = Annotated[int, Path(ge=1, le=MAX_ID, description="A loan.")]


def _loan_products(member):
    """The loan products of the member's cooperative (as on the portal)."""
    return member.env["koperasi.loan.product"].search(
        [("company_id", "=", member.company_id.id)]
    )


@loan_router.get(
    "/loans",
    summary="The member's loans",
    response_model=list[Loan],
)
def list_loans(member: Member) -> list[Loan]:
    loans = member.env["koperasi.loan"].search([("member_id", "=", member.id)])
    return [Loan.from_loan(loan) for loan in loans]


@loan_router.get(
    "/loans/products",
    summary="The loan products a member may simulate and apply for",
    response_model=list[LoanProduct],
)
def list_loan_products(member: Member) -> list[LoanProduct]:
    return [LoanProduct.from_product(p) for p in _loan_products(member)]


@loan_router.post(
    "/loans/simulate",
    summary="Simulate the instalments of a loan (as the portal's simulator)",
    response_model=LoanSimulation,
    responses=BAD_REQUEST_RESPONSE,
)
def simulate_loan(member: Member, data: LoanSimulationIn) -> LoanSimulation:
    """The same figures as the portal's simulator: the product's
    ``simulate_schedule``, from the business day of the cooperative."""
    product = _loan_products(member).filtered(lambda p: p.id == data.product_id)
    if not product:
        raise UserError(member.env._("Choose a loan product."))
    lines = product.simulate_schedule(data.amount, data.term_months)
    return LoanSimulation(
        lines=[
            SimulatedInstalment(
                sequence=line["sequence"],
                due_date=line["due_date"],
                principal=rupiah(line["principal"]),
                interest=rupiah(line["interest"]),
                amount=rupiah(line["amount"]),
                balance=rupiah(line["balance"]),
            )
            for line in lines
        ],
        total_interest=rupiah(sum(line["interest"] for line in lines)),
    )


@loan_router.post(
    "/loans/apply",
    summary="Apply for a loan (submitted to the board)",
    response_model=Loan,
    status_code=status.HTTP_201_CREATED,
    responses=BAD_REQUEST_RESPONSE,
)
def apply_loan(member: Member, data: LoanApplicationIn) -> Loan:
    """The same application as the portal's form (without a document)."""
    loan = member.env["koperasi.loan"]._create_from_portal(
        member, data.product_id, data.amount, data.term_months, data.purpose
    )
    return Loan.from_loan(loan.sudo(False))


@loan_router.get(
    "/loans/{loan_id}",
    summary="One loan of the member",
    response_model=Loan,
    responses=NOT_FOUND_RESPONSE,
)
def get_loan(member: Member, loan_id: LoanId) -> Loan:
    return Loan.from_loan(own_record(member, "koperasi.loan", loan_id))


@loan_router.get(
    "/loans/{loan_id}/schedule",
    summary="The instalment schedule of a loan, with what is paid",
    response_model=list[LoanInstalment],
    responses=NOT_FOUND_RESPONSE,
)
def get_loan_schedule(member: Member, loan_id: LoanId) -> list[LoanInstalment]:
    loan = own_record(member, "koperasi.loan", loan_id)
    lines = member.env["koperasi.loan.line"].search(
        [("loan_id", "=", loan.id)], order="sequence"
    )
    return [LoanInstalment.from_line(line) for line in lines]
