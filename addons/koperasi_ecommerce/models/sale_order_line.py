from odoo import fields, models
from odoo.tools import float_compare

from odoo.addons.koperasi_base.tools.locking import lock_rows

from ..tools import commission as commission_tools


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    koperasi_producer_id = fields.Many2one(
        related="product_id.product_tmpl_id.koperasi_producer_id",
        string="Producer",
        store=True,
        index=True,
    )
    koperasi_ledger_ids = fields.One2many(
        "koperasi.producer.ledger", "sale_line_id", string="Producer Ledger"
    )

    def _koperasi_commission_rate(self):
        self.ensure_one()
        return commission_tools.effective_commission_rate(
            self.koperasi_producer_id.commission_percent
            or self.koperasi_producer_id.business_unit_id.commission_percent,
            self.product_id.categ_id.koperasi_commission_percent,
            self.company_id.koperasi_commission_percent,
        )

    def _koperasi_is_creditable(self):
        """Delivered and paid, with a producer, and not credited yet."""
        self.ensure_one()
        precision = self.env["decimal.precision"].precision_get(
            "Product Unit of Measure"
        )
        return (
            self.koperasi_producer_id
            and not self.koperasi_ledger_ids
            and self.order_id.state == "sale"
            and self.product_uom_qty > 0
            and float_compare(
                self.qty_delivered, self.product_uom_qty, precision_digits=precision
            )
            >= 0
            and float_compare(
                self.qty_invoiced, self.product_uom_qty, precision_digits=precision
            )
            >= 0
            and self.order_id._koperasi_is_paid()
        )

    def _koperasi_kept_qty(self):
        """What the customer kept of a credited line: neither returned nor
        refunded (nor the whole line, if the order was cancelled)."""
        self.ensure_one()
        if self.order_id.state != "sale":
            return 0.0
        return max(
            min(self.qty_delivered, self.qty_invoiced, self.product_uom_qty), 0.0
        )

    def _koperasi_credit_producers(self):
        """Keep each producer's ledger equal to what the customer kept
        (idempotent): the first credit when the line is delivered and paid,
        a reversal when goods come back or a credit note refunds them."""
        lines = self.sudo().filtered("koperasi_producer_id")
        if not lines:
            return self.env["koperasi.producer.ledger"]
        # Two requests crediting the same line at once credit it once.
        lock_rows(lines, retry=True)
        precision = self.env["decimal.precision"].precision_get(
            "Product Unit of Measure"
        )
        vals_list = []
        for line in lines:
            if line._koperasi_is_creditable():
                rate = line._koperasi_commission_rate()
                gross, commission, net = commission_tools.split_sale(
                    line.price_subtotal, rate
                )
                vals_list.append(
                    {
                        "producer_id": line.koperasi_producer_id.id,
                        "company_id": line.company_id.id,
                        "sale_line_id": line.id,
                        "quantity": line.product_uom_qty,
                        "gross_amount": gross,
                        "commission_percent": rate,
                        "commission_amount": commission,
                        "net_amount": net,
                    }
                )
                continue
            entries = line.koperasi_ledger_ids
            credited = sum(entries.mapped("quantity"))
            kept = line._koperasi_kept_qty()
            if (
                not entries
                or float_compare(kept, credited, precision_digits=precision) >= 0
            ):
                continue
            back = commission_tools.reverse_share(
                credited,
                credited - kept,
                sum(entries.mapped("gross_amount")),
                sum(entries.mapped("commission_amount")),
                sum(entries.mapped("net_amount")),
            )
            vals_list.append(
                {
                    "producer_id": line.koperasi_producer_id.id,
                    "company_id": line.company_id.id,
                    "sale_line_id": line.id,
                    "quantity": kept - credited,
                    "gross_amount": -back["gross"],
                    "commission_percent": entries[:1].commission_percent,
                    "commission_amount": -back["commission"],
                    "net_amount": -back["net"],
                }
            )
        if not vals_list:
            return self.env["koperasi.producer.ledger"]
        entries = self.env["koperasi.producer.ledger"].sudo().create(vals_list)
        entries._post_moves()
        return entries
