from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odoo.addons.koperasi_membership.routers.dependencies import (
    ERROR_RESPONSES,
    authenticated_member,
)
from odoo.addons.koperasi_membership.schemas import rupiah, text_field

from ..schemas import ShopProduct

shop_router = APIRouter(tags=["shop"], responses=ERROR_RESPONSES)

Member = Annotated[object, Depends(authenticated_member)]
Limit = Annotated[int, Query(ge=1, le=100, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=100000, description="Skip this many.")]
Search = Annotated[text_field(100), Query(description="Words of the product's name.")]


@shop_router.get(
    "/shop/products",
    summary="The shop's catalogue with the prices the member pays",
    response_model=list[ShopProduct],
)
def list_shop_products(
    member: Member, limit: Limit = 20, offset: Offset = 0, search: Search = ""
) -> list[ShopProduct]:
    """The products the cooperative's website sells, in the shop's order,
    priced as the shop prices them for this member (``_get_sales_prices`` on
    the website's current pricelist: the member pricelist for an active
    member)."""
    env = member.env
    website = env["website"].search(
        [("company_id", "=", member.company_id.id)], order="sequence, id", limit=1
    )
    if not website:
        return []
    website = website.with_context(website_id=website.id).with_company(
        member.company_id
    )
    domain = website.sale_product_domain()
    if search:
        domain = [*domain, ("name", "ilike", search)]
    templates = website.env["product.template"].search(
        domain, order="website_sequence asc, id desc", limit=limit, offset=offset
    )
    prices = templates._get_sales_prices(website)
    currency = website.currency_id
    base_url = website.get_base_url()
    products = []
    for template in templates:
        price = prices.get(template.id, {})
        base_price = price.get("base_price")
        products.append(
            ShopProduct(
                id=template.id,
                name=template.name or "",
                description=template.description_sale or None,
                price=rupiah(price.get("price_reduce", template.list_price)),
                base_price=rupiah(base_price) if base_price else None,
                currency=currency.name,
                # Units are not readable by portal users; the shop shows them too.
                uom=template.sudo().uom_id.name or None,
                producer=template.koperasi_producer_name or None,
                url=f"{base_url}{template.website_url}",
                image_url=(
                    f"{base_url}/web/image/product.template/{template.id}/image_512"
                ),
            )
        )
    return products
