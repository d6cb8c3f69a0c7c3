from odoo import fields, models


class KoperasiOpeningImportProblem(models.TransientModel):
    """One problem of a row of an opening-balance file (the dry run's list)."""

    _name = "koperasi.opening.import.problem"
    _description = "Opening Balances Import Problem"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "koperasi.opening.import", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer()
    sheet = fields.Char()
    row = fields.Integer()
    column = fields.Char()
    message = fields.Char()
