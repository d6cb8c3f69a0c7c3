from odoo import fields, models


class KoperasiBusinessUnit(models.Model):
    _name = "koperasi.business.unit"
    _description = "Cooperative Business Unit"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    manager_user_ids = fields.Many2many(
        "res.users",
        "koperasi_business_unit_manager_rel",
        "business_unit_id",
        "user_id",
        string="Store Managers",
        help="The store managers (pengelola toko) of this unit: they manage its "
        "products, stock and orders.",
    )
    commission_percent = fields.Float(
        string="Commission (%)",
        help="Commission on the unit's own products; 0 uses the category or the "
        "cooperative's default.",
    )
    product_count = fields.Integer(compute="_compute_product_count")

    def _compute_product_count(self):
        counts = dict(
            self.env["product.template"]._read_group(
                [("koperasi_business_unit_id", "in", self.ids)],
                ["koperasi_business_unit_id"],
                ["__count"],
            )
        )
        for unit in self:
            unit.product_count = counts.get(unit, 0)
