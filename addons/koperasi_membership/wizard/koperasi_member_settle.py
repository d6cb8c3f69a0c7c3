from odoo import api, fields, models

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.workflow import workflow_action


class KoperasiMemberSettle(models.TransientModel):
    _name = "koperasi.member.settle"
    _description = "Member Exit Settlement"
    _check_company_auto = True

    member_id = fields.Many2one("koperasi.member", required=True, check_company=True)
    company_id = fields.Many2one(related="member_id.company_id")
    currency_id = fields.Many2one(related="member_id.currency_id")
    exit_state = fields.Selection(
        [("resigned", "Resigned"), ("deceased", "Deceased"), ("expelled", "Expelled")],
        string="Reason of Exit",
        required=True,
        default="resigned",
    )
    exit_date = fields.Date(required=True, default=business_today)
    exit_reason = fields.Text(string="Notes")
    journal_id = fields.Many2one(
        "account.journal",
        required=True,
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        compute="_compute_journal_id",
        store=True,
        readonly=False,
    )
    pokok_amount = fields.Monetary(
        string="Principal Savings (Pokok)", compute="_compute_amounts", store=True
    )
    wajib_amount = fields.Monetary(
        string="Mandatory Savings (Wajib)", compute="_compute_amounts", store=True
    )
    unpaid_dues_amount = fields.Monetary(
        string="Unpaid Dues", compute="_compute_amounts", store=True
    )
    deductions_amount = fields.Monetary(
        string="Other Deductions", compute="_compute_amounts", store=True
    )
    credits_amount = fields.Monetary(
        string="Other Credits", compute="_compute_amounts", store=True
    )
    refund_amount = fields.Monetary(
        string="Refund", compute="_compute_amounts", store=True
    )
    details = fields.Text(compute="_compute_amounts", store=True)

    @api.depends("member_id")
    def _compute_journal_id(self):
        for wizard in self:
            wizard.journal_id = wizard.member_id.company_id._koperasi_get_journal()

    @api.depends("member_id", "exit_date")
    def _compute_amounts(self):
        for wizard in self:
            if not wizard.member_id:
                wizard.update(
                    {
                        "pokok_amount": 0.0,
                        "wajib_amount": 0.0,
                        "unpaid_dues_amount": 0.0,
                        "deductions_amount": 0.0,
                        "credits_amount": 0.0,
                        "refund_amount": 0.0,
                        "details": False,
                    }
                )
                continue
            values = wizard.member_id._get_settlement_values(wizard.exit_date)
            currency = wizard.currency_id
            lines = [
                f"- {line['name']}: {currency.format(line['amount'])}"
                for line in values["deduction_lines"]
            ] + [
                f"+ {line['name']}: {currency.format(line['amount'])}"
                for line in values["credit_lines"]
            ]
            lines += [
                self.env._(
                    "! %(name)s: %(remaining)s is still owed after the exit.",
                    name=line["name"],
                    remaining=currency.format(line["remaining"]),
                )
                for line in values["remaining_lines"]
            ]
            wizard.update(
                {
                    "pokok_amount": values["pokok"],
                    "wajib_amount": values["wajib"],
                    "unpaid_dues_amount": values["unpaid_dues"],
                    "deductions_amount": values["deductions"],
                    "credits_amount": values["credits"],
                    "refund_amount": values["refund"],
                    "details": "\n".join(lines) or False,
                }
            )

    @workflow_action
    def action_settle(self):
        self.ensure_one()
        member = self.member_id
        member._check_can_settle()
        move = member._do_settle(
            self.exit_state, self.exit_date, self.exit_reason, self.journal_id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": move.id,
            "view_mode": "form",
        }
