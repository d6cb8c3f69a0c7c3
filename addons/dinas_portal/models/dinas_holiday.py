from odoo import fields, models


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
