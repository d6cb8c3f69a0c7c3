import hashlib
import hmac

from odoo import api, fields, models
from odoo.http import request


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    dinas_published = fields.Boolean(
        string="Dinas Poll",
        help="List this survey as a poll on the Dinas website (/dinas/jajak-pendapat). "
        "It must be open to the public (access mode: anyone with the link). "
        "Each visitor answers it once: a logged-in user once per contact, an "
        "anonymous visitor once per browser and address.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("dinas_published"):
                vals.update(self._dinas_poll_values())
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("dinas_published"):
            vals = {**vals, **self._dinas_poll_values()}
        return super().write(vals)

    @api.model
    def _dinas_poll_values(self):
        """A Dinas poll is answered once: Odoo then offers no "take again"
        to the visitor who answered."""
        return {"is_attempts_limited": True, "attempts_limit": 1}

    def _dinas_visitor(self, user, partner):
        """Who answers this Dinas poll: the contact of a logged-in user, or
        for an anonymous visitor a keyed digest of the client address (the
        proxy's ``X-Forwarded-For`` with ``proxy_mode``) and the browser.
        Odoo's survey cookie already brings a returning browser back to its
        answer; this key keeps one answer when the cookie is thrown away.
        ``False`` when nobody can be told apart (no request, e.g. the
        backend creating an invitation)."""
        self.ensure_one()
        if partner and not user and partner.user_ids:
            user = partner.user_ids[0]
        if user and not user._is_public():
            return f"partner:{user.partner_id.id}"
        if partner:
            return f"partner:{partner.id}"
        if not request:
            return False
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        seen = "|".join(
            (
                request.httprequest.remote_addr or "",
                request.httprequest.headers.get("User-Agent", ""),
            )
        )
        digest = hmac.new(
            (secret or "").encode(), f"{self.id}|{seen}".encode(), hashlib.sha256
        )
        return f"visitor:{digest.hexdigest()[:40]}"

    def _create_answer(
        self,
        user=False,
        partner=False,
        email=False,
        test_entry=False,
        check_attempts=True,
        **additional_vals,
    ):
        """A Dinas poll keeps one answer per visitor: asked again, it gives
        back the visitor's answer (to go on with, or showing it was sent),
        never a second one. New anonymous answers pass the public forms'
        throttle, so a script changing its browser name still meets a
        limit per address."""
        if test_entry or not any(self.mapped("dinas_published")):
            return super()._create_answer(
                user=user,
                partner=partner,
                email=email,
                test_entry=test_entry,
                check_attempts=check_attempts,
                **additional_vals,
            )
        answers = self.env["survey.user_input"]
        for survey in self:
            visitor = survey.dinas_published and survey._dinas_visitor(user, partner)
            if visitor:
                existing = answers.sudo().search(
                    [
                        ("survey_id", "=", survey.id),
                        ("dinas_visitor", "=", visitor),
                        ("test_entry", "=", False),
                    ],
                    limit=1,
                )
                if existing:
                    answers |= existing
                    continue
                if visitor.startswith("visitor:"):
                    self.env["koperasi.form.throttle"]._hit(
                        "dinas_poll", request.httprequest.remote_addr
                    )
            answers |= super(SurveySurvey, survey)._create_answer(
                user=user,
                partner=partner,
                email=email,
                test_entry=test_entry,
                check_attempts=check_attempts,
                dinas_visitor=visitor or False,
                **additional_vals,
            )
        return answers


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    dinas_visitor = fields.Char(
        string="Dinas Poll Visitor",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Who answered a Dinas poll (a contact, or a digest of an anonymous "
        "visitor's address and browser): one answer each.",
    )

    _sql_constraints = [
        (
            "dinas_visitor_unique",
            "unique (survey_id, dinas_visitor)",
            "This visitor has already answered this poll.",
        )
    ]
