from odoo import fields, models


class KoperasiShuMemberLine(models.Model):
    _name = "koperasi.shu.member.line"
    _description = "SHU per Member"
    _order = "distribution_id desc, amount desc, id"
    _check_company_auto = True

    distribution_id = fields.Many2one(
        "koperasi.shu.distribution", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="distribution_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="distribution_id.currency_id")
    year = fields.Integer(related="distribution_id.year", store=True)
    state = fields.Selection(related="distribution_id.state")
    member_id = fields.Many2one(
        "koperasi.member", required=True, index=True, check_company=True
    )
    partner_id = fields.Many2one(related="member_id.partner_id")
    capital_average = fields.Monetary(
        string="Average Capital",
        readonly=True,
        help="Average of the member's month-end capital over the year.",
    )
    volume = fields.Monetary(
        string="Transactions",
        readonly=True,
        help="The member's transactions with the cooperative during the year.",
    )
    capital_share = fields.Monetary(string="Capital Share (Jasa Modal)", readonly=True)
    usage_share = fields.Monetary(string="Usage Share (Jasa Anggota)", readonly=True)
    amount = fields.Monetary(string="SHU", readonly=True)
    paid = fields.Boolean(readonly=True, copy=False)
    payment_move_id = fields.Many2one(
        "account.move", readonly=True, copy=False, check_company=True
    )

    _sql_constraints = [
        (
            "member_distribution_uniq",
            "unique(distribution_id, member_id)",
            "A member has one SHU line per distribution.",
        ),
    ]

    def _compute_display_name(self):
        for line in self:
            line.display_name = self.env._(
                "SHU %(year)s %(member)s",
                year=line.year,
                member=line.member_id.display_name,
            )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "SHU %(year)s %(number)s",
            year=self.year,
            number=self.member_id.member_number or self.member_id.name,
        )
