"""Pydantic models of the savings and loan routes of the member app's API.

Amounts are whole rupiah; inputs follow the suite's parsing rules (see
``koperasi_membership.schemas``).
"""

import datetime

from pydantic import BaseModel, Field

from odoo.addons.koperasi_membership.schemas import (
    Amount,
    ApiModel,
    Months,
    RecordId,
    rupiah,
    text_field,
)


def _label(record, field_name):
    """The label of a selection value in the record's language."""
    selection = dict(record._fields[field_name]._description_selection(record.env))
    return selection.get(record[field_name], record[field_name] or "")


class SavingsAccount(BaseModel):
    id: int
    name: str
    product: str
    kind: str
    kind_label: str
    state: str
    balance: int
    available: int = Field(description="What a withdrawal may take now.")
    open_date: datetime.date
    maturity_date: datetime.date | None

    @classmethod
    def from_account(cls, account):
        minimum = 0.0 if account.kind == "berjangka" else account.product_id.min_balance
        balance = account.balance
        return cls(
            id=account.id,
            name=account.name or "",
            product=account.product_id.name or "",
            kind=account.kind or "",
            kind_label=_label(account, "kind"),
            state=account.state,
            balance=rupiah(balance),
            available=max(rupiah(balance - minimum), 0),
            open_date=account.open_date,
            maturity_date=account.maturity_date or None,
        )


class SavingsTransaction(BaseModel):
    id: int
    name: str
    date: datetime.date
    type: str
    type_label: str
    amount: int
    signed_amount: int = Field(description="Positive into the account, negative out.")

    @classmethod
    def from_transaction(cls, transaction):
        return cls(
            id=transaction.id,
            name=transaction.name or "",
            date=transaction.date,
            type=transaction.type,
            type_label=_label(transaction, "type"),
            amount=rupiah(transaction.amount),
            signed_amount=rupiah(transaction.signed_amount),
        )


class WithdrawalRequestIn(ApiModel):
    amount: Amount
    destination: text_field(120, 1) = Field(
        description="Where the money goes (a bank account, cash at the office)."
    )


class WithdrawalRequest(BaseModel):
    id: int
    name: str
    account_id: int
    amount: int
    destination: str
    state: str

    @classmethod
    def from_request(cls, request):
        return cls(
            id=request.id,
            name=request.name or "",
            account_id=request.account_id.id,
            amount=rupiah(request.amount),
            destination=request.destination or "",
            state=request.state,
        )


class LoanProduct(BaseModel):
    id: int
    name: str
    interest_method: str
    interest_rate: float = Field(description="Annual rate in percent.")
    term_min: int
    term_max: int
    max_amount: int | None

    @classmethod
    def from_product(cls, product):
        return cls(
            id=product.id,
            name=product.name or "",
            interest_method=product.interest_method,
            interest_rate=product.interest_rate,
            term_min=product.term_min,
            term_max=product.term_max,
            max_amount=rupiah(product.max_amount) if product.max_amount else None,
        )


class Loan(BaseModel):
    id: int
    name: str
    product: str
    state: str
    state_label: str
    amount: int
    term_months: int
    interest_method: str
    interest_rate: float
    purpose: str | None
    application_date: datetime.date | None
    disbursement_date: datetime.date | None
    outstanding_principal: int
    outstanding_interest: int
    penalty_due: int
    instalment_amount: int
    next_due_date: datetime.date | None

    @classmethod
    def from_loan(cls, loan):
        return cls(
            id=loan.id,
            name=loan.name or "",
            product=loan.product_id.name or "",
            state=loan.state,
            state_label=_label(loan, "state"),
            amount=rupiah(loan.amount),
            term_months=loan.term_months,
            interest_method=loan.interest_method or "",
            interest_rate=loan.interest_rate,
            purpose=loan.purpose or None,
            application_date=loan.application_date or None,
            disbursement_date=loan.disbursement_date or None,
            outstanding_principal=rupiah(loan.outstanding_principal),
            outstanding_interest=rupiah(loan.outstanding_interest),
            penalty_due=rupiah(loan.penalty_due),
            instalment_amount=rupiah(loan.instalment_amount),
            next_due_date=loan.next_due_date or None,
        )


class LoanInstalment(BaseModel):
    sequence: int
    due_date: datetime.date
    principal: int
    interest: int
    amount: int
    penalty: int
    paid_amount: int
    residual: int
    paid: bool
    status: str | None

    @classmethod
    def from_line(cls, line):
        return cls(
            sequence=line.sequence,
            due_date=line.due_date,
            principal=rupiah(line.principal),
            interest=rupiah(line.interest),
            amount=rupiah(line.amount),
            penalty=rupiah(line.penalty),
            paid_amount=rupiah(
                line.principal_paid + line.interest_paid + line.penalty_paid
            ),
            residual=rupiah(line.residual),
            paid=line.paid,
            status=line.status or None,
        )


class LoanSimulationIn(ApiModel):
    product_id: RecordId
    amount: Amount
    term_months: Months


class SimulatedInstalment(BaseModel):
    sequence: int
    due_date: datetime.date
    principal: int
    interest: int
    amount: int
    balance: int


class LoanSimulation(BaseModel):
    lines: list[SimulatedInstalment]
    total_interest: int


class LoanApplicationIn(LoanSimulationIn):
    purpose: text_field(200) = ""
