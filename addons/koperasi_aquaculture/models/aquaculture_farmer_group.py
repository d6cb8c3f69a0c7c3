from odoo import api, fields, models


class AquacultureFarmerGroup(models.Model):
    _name = "aquaculture.farmer.group"
    _description = "Farmer Group"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one("res.partner")
    village = fields.Char()
    farmer_ids = fields.One2many(
        "res.partner", "aquaculture_farmer_group_id", string="Farmers"
    )
    pond_ids = fields.One2many("aquaculture.pond", "farmer_group_id", string="Ponds")
    farmer_count = fields.Integer(compute="_compute_counts")
    pond_count = fields.Integer(compute="_compute_counts")
    note = fields.Html()

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a farmer group must be unique per company.",
        )
    ]

    @api.depends("farmer_ids", "pond_ids")
    def _compute_counts(self):
        for group in self:
            group.farmer_count = len(group.farmer_ids)
            group.pond_count = len(group.pond_ids)

    def action_view_ponds(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "koperasi_aquaculture.aquaculture_pond_action"
        )
        action["domain"] = [("farmer_group_id", "=", self.id)]
        action["context"] = {"default_farmer_group_id": self.id}
        return action
