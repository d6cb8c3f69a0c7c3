from odoo import api, models

# Fields of warehouses that koperasi_free_qty's cached paths depend on.
PATH_FIELDS = {"view_location_id", "company_id", "active"}


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        self.env.registry.clear_cache()  # _koperasi_stock_view_paths
        return warehouses

    def write(self, vals):
        res = super().write(vals)
        if PATH_FIELDS & set(vals):
            self.env.registry.clear_cache()  # _koperasi_stock_view_paths
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _koperasi_stock_view_paths
        return res


class StockLocation(models.Model):
    _inherit = "stock.location"

    def write(self, vals):
        res = super().write(vals)
        if "location_id" in vals:
            # A view location moved: its path, cached for the shop, changed.
            self.env.registry.clear_cache()
        return res
