from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools.locking import lock_rows

from ..tools import format_letter_number
from ..tools.letter_number import DEFAULT_PATTERN


class DinasLetterType(models.Model):
    _name = "dinas.letter.type"
    _description = "Letter Type"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    code = fields.Selection(
        [
            ("tugas", "Surat Tugas"),
            ("pengantar", "Surat Pengantar"),
            ("rekomendasi", "Rekomendasi"),
        ],
        required=True,
        default="pengantar",
    )
    description = fields.Text(translate=True)
    classification_code = fields.Char(
        required=True,
        default="500.3",
        help="Archive classification code, e.g. 500.3.",
    )
    unit_code = fields.Char(
        required=True, default="DKUPP", help="Code of the issuing unit, e.g. DKUPP."
    )
    number_pattern = fields.Char(
        required=True,
        default=DEFAULT_PATTERN,
        help="Keys: {classification}, {number}, {unit}, {year}; "
        "e.g. {classification}/{number:04d}/{unit}/{year}.",
    )
    sla_days = fields.Integer(
        string="Service Level (working days)", required=True, default=7
    )
    sequence_id = fields.Many2one(
        "ir.sequence",
        string="Number Sequence",
        readonly=True,
        copy=False,
        check_company=True,
        help="Running number per year (no gap), created automatically.",
    )
    signatory_title = fields.Char(
        default="Kepala Dinas", translate=True, help="Printed above the signature."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("number_pattern", "classification_code", "unit_code")
    def _check_number_pattern(self):
        for letter_type in self:
            try:
                format_letter_number(
                    letter_type.number_pattern,
                    letter_type.classification_code,
                    1,
                    letter_type.unit_code,
                    2026,
                )
            except ValueError as exc:
                raise ValidationError(
                    self.env._(
                        "The number pattern %(pattern)s is invalid: %(error)s",
                        pattern=letter_type.number_pattern,
                        error=exc,
                    )
                ) from exc

    @api.constrains("sla_days")
    def _check_sla_days(self):
        for letter_type in self:
            if letter_type.sla_days < 1:
                raise ValidationError(
                    self.env._("The service level must be at least one working day.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        letter_types = super().create(vals_list)
        for letter_type in letter_types.filtered(lambda t: not t.sequence_id):
            letter_type.sequence_id = letter_type._create_sequence()
        return letter_types

    def _create_sequence(self):
        self.ensure_one()
        return (
            self.env["ir.sequence"]
            .sudo()
            .create(
                {
                    "name": self.env._("Letter number: %(type)s", type=self.name),
                    "code": f"dinas.letter.type.{self.id}",
                    "implementation": "no_gap",
                    "use_date_range": True,
                    "padding": 0,
                    "number_increment": 1,
                    "company_id": self.company_id.id,
                }
            )
        )

    def _next_letter_number(self, issue_date):
        """Take the next running number of the year of ``issue_date``.

        The sequence row is locked for the rest of the transaction: a second
        letter issued at the same moment fails at once with a concurrency
        error, which Odoo retries (RPC and HTTP requests), so it takes the
        next number after the first one is committed. The no-gap
        implementation keeps the counter in the transaction: a rolled-back
        issue gives its number back. Numbers are distinct and consecutive.
        """
        self.ensure_one()
        if not self.sequence_id:
            self.sudo().sequence_id = self._create_sequence()
        sequence = self.sequence_id.sudo()
        # Lock the sequence, failing at once if another issue holds it, and
        # mark it changed: a transaction whose snapshot predates this one's
        # commit then gets a serialization failure (retried) instead of
        # missing the yearly range created here.
        lock_rows(sequence, retry=True)
        running = int(sequence.next_by_id(sequence_date=issue_date))
        return format_letter_number(
            self.number_pattern,
            self.classification_code,
            running,
            self.unit_code,
            issue_date.year,
        )
