"""Pydantic models of the shop routes of the member app's API."""

from pydantic import BaseModel, Field


class ShopProduct(BaseModel):
    id: int
    name: str
    description: str | None
    price: int = Field(
        description="What the member pays for one unit (member pricelist), "
        "in whole rupiah, taxes as the shop shows them."
    )
    base_price: int | None = Field(
        description="The price before the member's discount, when the shop shows one."
    )
    currency: str
    uom: str | None
    producer: str | None
    url: str
    image_url: str
