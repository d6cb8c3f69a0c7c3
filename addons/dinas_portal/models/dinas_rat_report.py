import base64
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import (
    MAX_AMOUNT,
    check_bounds,
    parse_amount,
    parse_date,
    parse_int,
    parse_year,
)

from ..tools import detect_file_type
from ..tools.uploads import MAX_UPLOAD_SIZE

# What a cooperative's RAT report can plausibly state (rupiah, people).
RAT_BOUNDS = {
    "members_attending": (0, 10000000),
    "total_assets": (0, MAX_AMOUNT),
    "turnover": (0, MAX_AMOUNT),
    "surplus": (-MAX_AMOUNT, MAX_AMOUNT),
}


class DinasRatReport(models.Model):
    _name = "dinas.rat.report"
    _description = "RAT Report"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["cooperative_id"]

    cooperative_id = fields.Many2one(
        "dinas.cooperative",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    year = fields.Integer(string="RAT Year", required=True)
    date_held = fields.Date(required=True)
    members_attending = fields.Integer(required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    total_assets = fields.Monetary()
    turnover = fields.Monetary()
    surplus = fields.Monetary(string="SHU (Surplus)")
    report_file = fields.Binary(string="Report (PDF)", attachment=True)
    report_filename = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "cooperative_year_uniq",
            "unique(cooperative_id, year)",
            "A RAT report for this year is already submitted.",
        )
    ]

    @api.depends("cooperative_id", "year")
    def _compute_display_name(self):
        for report in self:
            report.display_name = f"RAT {report.year} - {report.cooperative_id.name}"

    @api.constrains("year", "date_held", *RAT_BOUNDS)
    def _check_values(self):
        check_bounds(self, RAT_BOUNDS)
        for report in self:
            today = business_today(report)
            if report.year < 1945 or report.year > today.year:
                raise ValidationError(self.env._("The RAT year is not valid."))
            if report.date_held > today:
                raise ValidationError(
                    self.env._("The RAT date cannot be in the future.")
                )
            if report.members_attending < 0:
                raise ValidationError(
                    self.env._("The number of attending members cannot be negative.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports._update_cooperatives()
        return reports

    def write(self, vals):
        res = super().write(vals)
        if "year" in vals:
            self._update_cooperatives()
        return res

    @api.model
    def _create_from_portal(self, cooperative, values, upload=None):
        """Create a RAT report of ``cooperative`` from validated portal input.

        ``upload`` is ``(filename, bytes)`` of the PDF, or None.
        """
        env = self.env
        today = business_today(cooperative)
        labels = {
            "year": env._("RAT year"),
            "members_attending": env._("Members attending"),
            "total_assets": env._("Total assets"),
            "turnover": env._("Turnover"),
            "surplus": env._("SHU (surplus)"),
            "date_held": env._("Date held"),
        }
        year = parse_year(env, values.get("year"), 1945, today.year, labels["year"])
        members = parse_int(
            env,
            values.get("members_attending"),
            *RAT_BOUNDS["members_attending"],
            label=labels["members_attending"],
            default=0,
        )
        amounts = {
            key: parse_amount(
                env, values.get(key), *RAT_BOUNDS[key], label=labels[key], default=0.0
            )
            for key in ("total_assets", "turnover", "surplus")
        }
        date_held = parse_date(
            env,
            values.get("date_held"),
            minimum=datetime.date(1945, 1, 1),
            maximum=today,
            label=labels["date_held"],
        )
        if not date_held or not year:
            raise ValidationError(self.env._("Please give the year and the date held."))
        if any(amount < 0 for amount in amounts.values()) or members < 0:
            raise ValidationError(self.env._("The figures cannot be negative."))
        report_values = {
            "cooperative_id": cooperative.id,
            "year": year,
            "date_held": date_held,
            "members_attending": members,
            "company_id": cooperative.company_id.id,
            **amounts,
        }
        if upload:
            filename, data = upload
            if (
                len(data) > MAX_UPLOAD_SIZE
                or detect_file_type(data, allowed=("application/pdf",)) is None
            ):
                raise ValidationError(
                    self.env._("The report must be a PDF file of at most 5 MB.")
                )
            report_values.update(
                {"report_file": base64.b64encode(data), "report_filename": filename}
            )
        if self.sudo().search_count(
            [("cooperative_id", "=", cooperative.id), ("year", "=", year)]
        ):
            raise ValidationError(
                self.env._("A RAT report for %(year)s is already submitted.", year=year)
            )
        return self.sudo().create(report_values)

    def _update_cooperatives(self):
        """A RAT report brings the cooperative's last RAT year up to date and,
        when it was flagged inactive for lack of RAT, makes it active again."""
        for report in self.sudo():
            cooperative = report.cooperative_id
            if report.year > (cooperative.last_rat_year or 0):
                values = {"last_rat_year": report.year}
                if cooperative.status == "inactive":
                    values["status"] = "active"
                cooperative.write(values)
