from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools.business_date import business_today


class AquacultureDistribution(models.Model):
    _name = "aquaculture.distribution"
    _description = "Distribution to a Farmer Group"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    farmer_group_id = fields.Many2one(
        "aquaculture.farmer.group",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Received by",
        help="The person of the group who receives the products.",
    )
    date = fields.Date(required=True, default=business_today, tracking=True)
    date_delivered = fields.Date(readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("allocated", "Allocated"),
            ("delivered", "Delivered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "aquaculture.distribution.line", "distribution_id", string="Products", copy=True
    )
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "aquaculture.distribution"
                ) or self.env._("New")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_delivered(self):
        if any(d.state == "delivered" for d in self):
            raise UserError(self.env._("A delivered distribution cannot be deleted."))

    def action_allocate(self):
        for distribution in self:
            if distribution.state != "draft":
                raise UserError(
                    self.env._("%(name)s is not a draft.", name=distribution.name)
                )
            if not distribution.line_ids:
                raise UserError(
                    self.env._(
                        "%(name)s has no products to allocate.", name=distribution.name
                    )
                )
        self.write({"state": "allocated"})

    def action_deliver(self):
        for distribution in self:
            if distribution.state != "allocated":
                raise UserError(
                    self.env._(
                        "%(name)s must be allocated before it is delivered.",
                        name=distribution.name,
                    )
                )
        for distribution in self:
            distribution.line_ids._create_delivery_moves()
        self.write({"state": "delivered", "date_delivered": business_today(self)})

    def action_cancel(self):
        if any(d.state == "delivered" for d in self):
            raise UserError(self.env._("A delivered distribution cannot be cancelled."))
        self.write({"state": "cancel"})

    def action_draft(self):
        self.filtered(lambda d: d.state == "cancel").write({"state": "draft"})
