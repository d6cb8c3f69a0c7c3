from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    dinas_published = fields.Boolean(
        string="Dinas Poll",
        help="List this survey as a poll on the Dinas website (/dinas/jajak-pendapat). "
        "It must be open to the public (access mode: anyone with the link).",
    )
