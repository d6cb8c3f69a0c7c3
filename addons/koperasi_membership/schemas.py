"""Pydantic models of the member app's API (``/api/v1``).

Input values follow the suite's parsing rules (``koperasi_base.tools.inputs``):
numbers are JSON numbers within bounds that fit the database (no strings,
no ``nan``, no 10^20), rupiah are whole numbers, text holds no control
character and has a maximum length. Output amounts are whole rupiah.
"""

import datetime
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from odoo.addons.koperasi_base.tools.inputs import (
    MAX_AMOUNT,
    MAX_ID,
    has_control_characters,
)

from .tools.capital import round_rupiah


def rupiah(amount):
    """An amount of the database as whole rupiah (an ``int``)."""
    return int(round_rupiah(amount))


def _typed_text(value):
    """Text a person typed: NFC, stripped, without control characters."""
    text = unicodedata.normalize("NFC", value)
    if has_control_characters(text):
        raise ValueError("the text holds characters that cannot be typed")
    return text.strip()


# A record id, a count and an amount in rupiah sent as JSON numbers.
RecordId = Annotated[int, Field(strict=True, ge=1, le=MAX_ID)]
Months = Annotated[int, Field(strict=True, ge=1, le=1200)]
Amount = Annotated[int, Field(strict=True, ge=1, le=MAX_AMOUNT)]


def text_field(max_length, min_length=0):
    """A single-line text field of at most ``max_length`` characters."""
    return Annotated[
        str,
        Field(min_length=min_length, max_length=max_length),
        AfterValidator(_typed_text),
    ]


def _typed_secret(value):
    """A password as typed: kept as it is, but no control character (which
    no keyboard types and PostgreSQL refuses)."""
    if has_control_characters(value):
        raise ValueError("the text holds characters that cannot be typed")
    return value


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorResponse(BaseModel):
    detail: str = Field(description="What went wrong, in the member's language.")


class FieldError(BaseModel):
    loc: list[str]
    msg: str
    type: str


class ValidationErrorResponse(ErrorResponse):
    errors: list[FieldError]


class Message(BaseModel):
    detail: str


class TokenRequest(ApiModel):
    login: text_field(254, 1) = Field(description="The member's login (e-mail).")
    password: Annotated[
        str, Field(min_length=1, max_length=128), AfterValidator(_typed_secret)
    ]
    device: text_field(64) = Field(
        default="", description="A name for the device, shown to the member."
    )


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime.datetime


class Profile(BaseModel):
    id: int
    member_number: str | None
    name: str
    state: str
    state_label: str
    join_date: datetime.date | None
    member_group: str | None
    email: str | None
    phone: str | None
    street: str | None
    city: str | None
    cooperative: str
    lang: str | None

    @classmethod
    def from_member(cls, member):
        states = dict(member._fields["state"]._description_selection(member.env))
        return cls(
            id=member.id,
            member_number=member.member_number or None,
            name=member.name or "",
            state=member.state,
            state_label=states.get(member.state, member.state),
            join_date=member.join_date or None,
            member_group=member.member_group_id.name or None,
            email=member.email or None,
            phone=member.phone or None,
            street=member.street or None,
            city=member.city or None,
            cooperative=member.company_id.name,
            lang=member.env.lang,
        )


class MemberCard(BaseModel):
    member_number: str | None
    name: str
    state: str
    join_date: datetime.date | None
    cooperative: str
    verification_url: str = Field(
        description="The address of the card's QR code (public verification page)."
    )
    qr_image_url: str = Field(description="A PNG image of the QR code.")


class CapitalDue(BaseModel):
    id: int
    kind: str
    period: str | None
    period_date: datetime.date
    amount: int
    amount_paid: int
    amount_residual: int
    state: str

    @classmethod
    def from_due(cls, due):
        return cls(
            id=due.id,
            kind=due.kind,
            period=due.period or None,
            period_date=due.period_date,
            amount=rupiah(due.amount),
            amount_paid=rupiah(due.amount_paid),
            amount_residual=rupiah(due.amount_residual),
            state=due.state,
        )


class Capital(BaseModel):
    pokok: int = Field(description="Principal savings paid (simpanan pokok).")
    wajib: int = Field(description="Mandatory savings paid (simpanan wajib).")
    total: int
    arrears: int = Field(description="Dues not paid yet.")
    dues: list[CapitalDue]


class ShuLine(BaseModel):
    id: int
    year: int
    capital_share: int
    usage_share: int
    amount: int
    paid: bool
    state: str

    @classmethod
    def from_line(cls, line):
        return cls(
            id=line.id,
            year=line.year,
            capital_share=rupiah(line.capital_share),
            usage_share=rupiah(line.usage_share),
            amount=rupiah(line.amount),
            paid=line.paid,
            state=line.state,
        )


class NewsPost(BaseModel):
    id: int
    title: str
    subtitle: str | None
    teaser: str | None
    published: datetime.datetime | None
    url: str
