from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

LOG_TYPES = ("feeding", "treatment", "sampling", "mortality", "water")


class AquaculturePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aquaculture_pond_count" in counters:
            Pond = request.env["aquaculture.pond"]
            values["aquaculture_pond_count"] = (
                Pond.search_count(self._aquaculture_pond_domain())
                if Pond.has_access("read")
                else 0
            )
        return values

    def _aquaculture_pond_domain(self):
        return [("owner_id", "=", request.env.user.partner_id.id)]

    def _aquaculture_get_pond(self, pond_id):
        """The pond if the logged-in farmer owns it, else 404."""
        pond = request.env["aquaculture.pond"].browse(pond_id)
        try:
            pond.check_access("read")
            if pond.owner_id != request.env.user.partner_id:
                raise NotFound()
        except (AccessError, MissingError):
            raise NotFound() from None
        return pond

    def _prepare_aquaculture_pond_values(self, pond, **kw):
        batch = pond.current_batch_id
        products_sudo = (
            request.env["product.product"]
            .sudo()
            .search(
                [
                    ("aquaculture_use", "in", ("feed", "treatment")),
                    ("company_id", "in", (False, pond.company_id.id)),
                ]
            )
        )
        # The pond is the farmer's (checked): show its logs with their
        # product names, which portal users cannot read themselves.
        logs_sudo = batch.sudo().log_ids[:15]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "aquaculture_pond",
                "pond": pond,
                "batch": batch,
                "logs_sudo": logs_sudo,
                "feeds_sudo": products_sudo.filtered(
                    lambda p: p.aquaculture_use == "feed"
                ),
                "treatments_sudo": products_sudo.filtered(
                    lambda p: p.aquaculture_use == "treatment"
                ),
                "causes": request.env["aquaculture.log"]
                ._fields["mortality_cause"]
                ._description_selection(request.env),
                "error": kw.get("error"),
                "error_type": kw.get("error_type"),
                "logged": kw.get("logged"),
                "form": kw.get("form") or {},
            }
        )
        return values

    @http.route("/my/kolam", type="http", auth="user", website=True)
    def portal_my_ponds(self, **kw):
        Pond = request.env["aquaculture.pond"]
        ponds = (
            Pond.search(self._aquaculture_pond_domain())
            if Pond.has_access("read")
            else Pond
        )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "aquaculture_ponds", "ponds": ponds})
        return request.render("koperasi_aquaculture.portal_my_ponds", values)

    @http.route("/my/kolam/<int:pond_id>", type="http", auth="user", website=True)
    def portal_my_pond(self, pond_id, logged=None, **kw):
        pond = self._aquaculture_get_pond(pond_id)
        values = self._prepare_aquaculture_pond_values(
            pond, logged=logged if logged in LOG_TYPES else None
        )
        return request.render("koperasi_aquaculture.portal_my_pond", values)

    @http.route(
        "/my/kolam/<int:pond_id>/log",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_pond_log(self, pond_id, log_type=None, **post):
        pond = self._aquaculture_get_pond(pond_id)
        batch = pond.current_batch_id
        error = None
        if log_type not in LOG_TYPES:
            error = request.env._("Unknown kind of log.")
        elif not batch:
            error = request.env._("This pond has no batch in culture.")
        else:
            try:
                with request.env.cr.savepoint():
                    batch.sudo()._portal_create_log(
                        request.env.user.partner_id, log_type, post
                    )
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
        if error:
            values = self._prepare_aquaculture_pond_values(
                pond,
                error=error,
                error_type=log_type if log_type in LOG_TYPES else None,
                form=post,
            )
            return request.render(
                "koperasi_aquaculture.portal_my_pond", values, status=400
            )
        return request.redirect(f"/my/kolam/{pond.id}?logged={log_type}")
