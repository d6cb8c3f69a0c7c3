from odoo import fields, models


class KoperasiMemberGroup(models.Model):
    _name = "koperasi.member.group"
    _description = "Member Group"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    description = fields.Text()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    member_ids = fields.One2many("koperasi.member", "member_group_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_count")

    def _compute_member_count(self):
        counts = dict(
            self.env["koperasi.member"]._read_group(
                [("member_group_id", "in", self.ids)],
                ["member_group_id"],
                ["__count"],
            )
        )
        for group in self:
            group.member_count = counts.get(group, 0)
