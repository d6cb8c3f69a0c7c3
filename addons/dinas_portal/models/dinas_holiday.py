from odoo import api, fields, models


class DinasHoliday(models.Model):
    _name = "dinas.holiday"
    _description = "Public Holiday"
    _order = "date desc"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    date = fields.Date(required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "date_company_uniq",
            "unique(date, company_id)",
            "A holiday is already set on this date.",
        )
    ]

    def _get_holiday_dates(self, company):
        """The holiday dates of ``company``, as a frozenset of dates."""
        holidays = self.sudo().search_fetch([("company_id", "=", company.id)], ["date"])
        return frozenset(holidays.mapped("date"))

    @api.model_create_multi
    def create(self, vals_list):
        holidays = super().create(vals_list)
        holidays._recompute_open_deadlines()
        return holidays

    def write(self, vals):
        res = super().write(vals)
        self._recompute_open_deadlines()
        return res

    def unlink(self):
        companies = self.company_id
        res = super().unlink()
        self.browse()._recompute_open_deadlines(companies)
        return res

    def _recompute_open_deadlines(self, companies=None):
        """Holidays move the due dates of the requests still open."""
        companies = companies or self.company_id
        letters = (
            self.env["dinas.letter.request"]
            .sudo()
            .search(
                [
                    ("state", "in", ("submitted", "review", "approved")),
                    ("company_id", "in", companies.ids),
                ]
            )
        )
        if letters:
            self.env.add_to_compute(letters._fields["deadline_date"], letters)
