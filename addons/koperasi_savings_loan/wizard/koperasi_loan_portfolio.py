from odoo import api, fields, models

from ..models.koperasi_loan import COLLECTIBILITY


class KoperasiLoanPortfolio(models.TransientModel):
    """The board's view of the loan portfolio: outstanding by collectibility,
    NPL ratio with its soundness band, and PAR30."""

    _name = "koperasi.loan.portfolio"
    _inherit = ["koperasi.company.guard"]
    _description = "Loan Portfolio Dashboard"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one(
        "koperasi.loan.product",
        string="Loan Product",
        check_company=True,
    )
    loan_count = fields.Integer(compute="_compute_kpis")
    outstanding = fields.Monetary(compute="_compute_kpis")
    outstanding_lancar = fields.Monetary(compute="_compute_kpis", string="Current")
    outstanding_kurang_lancar = fields.Monetary(
        compute="_compute_kpis", string="Substandard"
    )
    outstanding_diragukan = fields.Monetary(compute="_compute_kpis", string="Doubtful")
    outstanding_macet = fields.Monetary(compute="_compute_kpis", string="Loss")
    npl_amount = fields.Monetary(compute="_compute_kpis", string="Problem Loans")
    npl_ratio = fields.Float(compute="_compute_kpis", string="NPL Ratio (%)")
    npl_band = fields.Selection(
        [
            ("sound", "Sound"),
            ("fairly_sound", "Fairly sound"),
            ("less_sound", "Less sound"),
            ("unsound", "Unsound"),
        ],
        compute="_compute_kpis",
        string="Soundness",
    )
    par30_amount = fields.Monetary(compute="_compute_kpis", string="Overdue > 30 Days")
    par30 = fields.Float(compute="_compute_kpis", string="PAR30 (%)")

    @api.depends("company_id", "product_id")
    def _compute_kpis(self):
        Loan = self.env["koperasi.loan"]
        for dashboard in self:
            kpis = Loan._get_portfolio_kpis(dashboard._loan_domain())
            dashboard.update(
                {
                    "loan_count": kpis["loan_count"],
                    "outstanding": kpis["outstanding"],
                    "npl_amount": kpis["npl_amount"],
                    "npl_ratio": kpis["npl_ratio"],
                    "npl_band": kpis["npl_band"],
                    "par30_amount": kpis["par30_amount"],
                    "par30": kpis["par30"],
                    **{
                        f"outstanding_{key}": kpis["by_collectibility"][key]
                        for key, __ in COLLECTIBILITY
                    },
                }
            )

    def _loan_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.product_id:
            domain.append(("product_id", "=", self.product_id.id))
        return domain

    def action_open_loans(self):
        """The disbursed loans behind the figures, as the portfolio pivot."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "koperasi_savings_loan.koperasi_loan_portfolio_action"
        )
        action["domain"] = [("state", "=", "disbursed"), *self._loan_domain()]
        return action
