from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query

from odoo import fields

from ..schemas import (
    Capital,
    CapitalDue,
    MemberCard,
    NewsPost,
    Profile,
    ShuLine,
    rupiah,
)
from .dependencies import ERROR_RESPONSES, authenticated_member

member_router = APIRouter(tags=["member"], responses=ERROR_RESPONSES)

Member = Annotated[object, Depends(authenticated_member)]
Limit = Annotated[int, Query(ge=1, le=200, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=100000, description="Skip this many.")]


@member_router.get("/me", summary="The member's profile", response_model=Profile)
def get_profile(member: Member) -> Profile:
    return Profile.from_member(member)


@member_router.get(
    "/me/card",
    summary="The member card: number and QR verification address",
    response_model=MemberCard,
)
def get_card(member: Member) -> MemberCard:
    """The card the member shows: its QR code opens the cooperative's public
    verification page (``/koperasi/verifikasi/<token>``), as on the printed
    card."""
    member_sudo = member.sudo()
    member_sudo._ensure_card_token()
    base_url = member.get_base_url()
    url = f"{base_url}/koperasi/verifikasi/{member_sudo.card_token}"
    return MemberCard(
        member_number=member.member_number or None,
        name=member.name or "",
        state=member.state,
        join_date=member.join_date or None,
        cooperative=member.company_id.name,
        verification_url=url,
        qr_image_url=(
            f"{base_url}/report/barcode/?barcode_type=QR&width=300&height=300"
            f"&value={quote(url, safe='')}"
        ),
    )


@member_router.get(
    "/capital",
    summary="Share capital paid (pokok, wajib) and dues",
    response_model=Capital,
)
def get_capital(member: Member, limit: Limit = 24, offset: Offset = 0) -> Capital:
    """The capital paid and the dues, newest period first, as on the portal."""
    dues = member.env["koperasi.capital.due"].search(
        [("member_id", "=", member.id)],
        order="period_date desc, kind, id desc",
        limit=limit,
        offset=offset,
    )
    return Capital(
        pokok=rupiah(member.capital_pokok),
        wajib=rupiah(member.capital_wajib),
        total=rupiah(member.capital_total),
        arrears=rupiah(member.arrears_amount),
        dues=[CapitalDue.from_due(due) for due in dues],
    )


@member_router.get(
    "/shu",
    summary="The member's SHU (share of the year's surplus) per year",
    response_model=list[ShuLine],
)
def get_shu(member: Member) -> list[ShuLine]:
    # The portal record rule keeps the member's own, approved SHU.
    lines = member.env["koperasi.shu.member.line"].search(
        [("member_id", "=", member.id)], order="year desc"
    )
    return [ShuLine.from_line(line) for line in lines]


@member_router.get(
    "/news",
    summary="News of the cooperative (its Kopnews blog)",
    response_model=list[NewsPost],
)
def get_news(member: Member, limit: Limit = 20, offset: Offset = 0) -> list[NewsPost]:
    env = member.env
    blog = env.ref("koperasi_membership.blog_kopnews", raise_if_not_found=False)
    if not blog or "blog.post" not in env:
        return []
    # The posts of the member's cooperative's website, as /my/koperasi shows
    # them on that website.
    website = env["website"].search(
        [("company_id", "=", member.company_id.id)], order="sequence, id", limit=1
    )
    if not website:
        return []
    posts = env["blog.post"].search(
        [
            ("blog_id", "=", blog.id),
            ("is_published", "=", True),
            ("post_date", "<=", fields.Datetime.now()),
            *website.website_domain(),
        ],
        order="post_date desc, id desc",
        limit=limit,
        offset=offset,
    )
    base_url = member.get_base_url()
    return [
        NewsPost(
            id=post.id,
            title=post.name or "",
            subtitle=post.subtitle or None,
            teaser=post.teaser or None,
            published=post.post_date or None,
            url=f"{base_url}{post.website_url}",
        )
        for post in posts
    ]
