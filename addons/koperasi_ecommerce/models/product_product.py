from odoo import api, fields, models, tools
from odoo.osv import expression
from odoo.tools import float_round


class ProductProduct(models.Model):
    _inherit = "product.product"

    koperasi_free_qty = fields.Float(
        string="Free to Order",
        compute="_compute_koperasi_free_qty",
        digits="Product Unit of Measure",
        help="On hand minus reserved in the context's warehouse (all warehouses "
        "of the allowed companies without one): the figure the shop shows.",
    )

    @api.depends("stock_quant_ids.quantity", "stock_quant_ids.reserved_quantity")
    @api.depends_context("warehouse_id", "allowed_company_ids")
    def _compute_koperasi_free_qty(self):
        """``free_qty`` from the quants alone, for all the records at once."""
        storable = self.filtered(lambda product: product.is_storable and product.id)
        free = {}
        if storable:
            domain_quant = storable._koperasi_quant_location_domain()
            groups = (
                self.env["stock.quant"]
                .with_context(active_test=False)
                ._read_group(
                    [("product_id", "in", storable.ids), *domain_quant],
                    ["product_id"],
                    ["quantity:sum", "reserved_quantity:sum"],
                )
            )
            free = {
                product.id: (quantity or 0.0) - (reserved or 0.0)
                for product, quantity, reserved in groups
            }
        for product in self:
            product.koperasi_free_qty = float_round(
                free.get(product.id, 0.0),
                precision_rounding=product.uom_id.rounding or 0.01,
            )

    def _koperasi_quant_location_domain(self):
        """The quants' part of ``_get_domain_locations`` for the shop's
        contexts (a warehouse id or none, the allowed companies), from the
        cached paths of the warehouses' view locations: three queries less
        on every product page and shop grid."""
        context = self.env.context
        warehouse_id = context.get("warehouse_id") or False
        if (
            context.get("location")
            or context.get("strict")
            or not isinstance(warehouse_id, int)
        ):
            return self._get_domain_locations()[0]
        paths = self._koperasi_stock_view_paths(
            warehouse_id, tuple(sorted(self.env.companies.ids))
        )
        if not paths:
            return [expression.FALSE_LEAF]
        return [
            (
                "location_id",
                "any",
                expression.OR(
                    [[("parent_path", "=like", f"{path}%")] for path in paths]
                ),
            )
        ]

    @api.model
    @tools.ormcache("warehouse_id", "company_ids")
    def _koperasi_stock_view_paths(self, warehouse_id, company_ids):
        """Paths of the view locations of the warehouse, or of the active
        warehouses of the companies; cached until a warehouse or the parent
        of a location changes (see stock.warehouse, stock.location)."""
        Warehouse = self.env["stock.warehouse"].sudo().with_context(active_test=True)
        if warehouse_id:
            warehouses = Warehouse.browse(warehouse_id).exists()
        else:
            warehouses = Warehouse.search([("company_id", "in", list(company_ids))])
        return tuple(warehouses.view_location_id.mapped("parent_path"))

    def _has_stock_notification(self, partner):
        """Only storable products run out of stock and notify back, and a
        visitor without a login is notified at the email given, whose partner
        website_sale_stock records (the visitor's session remembers it): the
        website's public partner is never asked for, and a product page read
        by an anonymous visitor reads no subscribers."""
        self.ensure_one()
        if not self.is_storable:
            return False
        user = self.env.user
        if partner == user.partner_id and user._is_public():
            return False
        return super()._has_stock_notification(partner)
