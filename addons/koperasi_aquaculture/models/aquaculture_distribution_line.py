from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class AquacultureDistributionLine(models.Model):
    _name = "aquaculture.distribution.line"
    _description = "Distributed Product"
    _order = "distribution_id, id"
    _check_company_auto = True

    distribution_id = fields.Many2one(
        "aquaculture.distribution", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="distribution_id.company_id", store=True, index=True, precompute=True
    )
    farmer_group_id = fields.Many2one(
        related="distribution_id.farmer_group_id", store=True, index=True
    )
    date = fields.Date(related="distribution_id.date", store=True)
    state = fields.Selection(related="distribution_id.state", store=True)
    product_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain=[("aquaculture_use", "in", ("live_fish", "processed"))],
    )
    lot_id = fields.Many2one(
        "stock.lot",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    quantity = fields.Float(required=True, digits="Product Unit of Measure")
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    move_id = fields.Many2one("stock.move", readonly=True, copy=False)

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "The quantity of %(product)s must be above zero.",
                        product=line.product_id.display_name,
                    )
                )

    @api.constrains("product_id", "lot_id")
    def _check_lot(self):
        for line in self:
            if line.product_id.tracking != "none" and not line.lot_id:
                raise ValidationError(
                    self.env._(
                        "%(product)s is tracked by lot: choose the lot.",
                        product=line.product_id.display_name,
                    )
                )
            if line.lot_id and line.lot_id.product_id != line.product_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s is not a lot of %(product)s.",
                        lot=line.lot_id.name,
                        product=line.product_id.display_name,
                    )
                )

    def write(self, vals):
        if any(line.state in ("delivered", "cancel") for line in self):
            raise UserError(self.env._("This distribution is closed."))
        return super().write(vals)

    def _create_delivery_moves(self):
        Move = self.env["stock.move"].sudo()
        customers = self.env.ref("stock.stock_location_customers")
        for line in self:
            company = line.company_id
            warehouse = (
                self.env["stock.warehouse"]
                .sudo()
                .search([("company_id", "=", company.id)], limit=1)
            )
            if not warehouse:
                raise UserError(
                    self.env._(
                        "Company %(company)s has no warehouse.", company=company.name
                    )
                )
            source = warehouse.lot_stock_id
            available = (
                self.env["stock.quant"]
                .sudo()
                ._get_available_quantity(
                    line.product_id, source, lot_id=line.lot_id or None, strict=False
                )
            )
            rounding = line.product_id.uom_id.rounding
            if float_compare(available, line.quantity, precision_rounding=rounding) < 0:
                raise UserError(
                    self.env._(
                        "Only %(available)s %(uom)s of %(product)s are in stock.",
                        available=available,
                        uom=line.product_id.uom_id.name,
                        product=line.lot_id.name or line.product_id.display_name,
                    )
                )
            group = line.distribution_id.farmer_group_id
            move = Move.create(
                {
                    "name": line.distribution_id.name,
                    "origin": line.distribution_id.name,
                    "company_id": company.id,
                    "product_id": line.product_id.id,
                    "product_uom": line.product_id.uom_id.id,
                    "product_uom_qty": line.quantity,
                    "location_id": source.id,
                    "location_dest_id": customers.id,
                    "partner_id": line.distribution_id.partner_id.id
                    or group.leader_id.id,
                    "picked": True,
                    "move_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": line.product_id.id,
                                "product_uom_id": line.product_id.uom_id.id,
                                "quantity": line.quantity,
                                "location_id": source.id,
                                "location_dest_id": customers.id,
                                "lot_id": line.lot_id.id,
                            },
                        )
                    ],
                }
            )
            move._action_done()
            line.sudo().move_id = move
