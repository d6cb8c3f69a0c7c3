from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

from odoo.addons.koperasi_base.tools.inputs import clean_text
from odoo.addons.koperasi_base.tools.workflow import workflow_action

MODERATOR_GROUP = "dinas_portal.group_dinas_portal_user"


class DinasNewsComment(models.Model):
    """A visitor's comment under a news post (a post of the Dinas blog),
    shown on the website once the Dinas staff approved it."""

    _name = "dinas.news.comment"
    _description = "News Comment"
    _inherit = ["dinas.public.form.mixin", "koperasi.workflow.mixin"]
    _workflow_fields = ("state", "moderator_id", "moderation_date")
    _order = "id desc"
    _check_company_auto = True

    post_id = fields.Many2one(
        "blog.post", string="News", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(string="Visitor", required=True)
    email = fields.Char(string="E-mail")
    message = fields.Text(string="Comment", required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Logged-in Contact",
        readonly=True,
        index="btree_not_null",
        help="The contact of the user who was logged in, if any.",
    )
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    moderator_id = fields.Many2one("res.users", readonly=True)
    moderation_date = fields.Datetime(readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("email")
    def _check_email(self):
        for comment in self:
            if comment.email and not email_normalize(comment.email):
                raise ValidationError(self.env._("The e-mail address is not valid."))

    @api.model
    def _create_from_website(self, post, values, partner=None, ip_address=None):
        """A pending comment on ``post`` from a website form's raw values.

        The caller checked that the post is a published news post of the
        current website."""
        name = clean_text(self.env, values.get("name"), max_length=120)
        email = clean_text(self.env, values.get("email"), max_length=254)
        message = clean_text(
            self.env, values.get("message"), max_length=3000, multiline=True
        )
        if partner:
            name = name or partner.name
            email = email or partner.email or ""
        if not name or not message or not email:
            raise ValidationError(
                self.env._("Please write your name, your e-mail and your comment.")
            )
        if not email_normalize(email):
            raise ValidationError(self.env._("The e-mail address is not valid."))
        self._check_rate_limit(ip_address)
        return self.sudo().create(
            {
                "post_id": post.id,
                "name": name,
                "email": email,
                "message": message,
                "partner_id": partner.id if partner else False,
                "ip_address": ip_address,
                "company_id": self.env.company.id,
            }
        )

    # ------------------------------------------------------------------
    # Moderation
    # ------------------------------------------------------------------
    def _check_can_moderate(self, allowed_states):
        self._workflow_check_group(
            MODERATOR_GROUP,
            self.env._("Only the Dinas staff moderate the comments on the news."),
        )
        for comment in self:
            if comment.state not in allowed_states:
                raise UserError(
                    self.env._(
                        "The comment of %(name)s is already %(state)s.",
                        name=comment.name,
                        state=dict(
                            comment._fields["state"]._description_selection(comment.env)
                        )[comment.state],
                    )
                )

    def _do_moderate(self, state):
        self._workflow_write(
            {
                "state": state,
                "moderator_id": self.env.user.id,
                "moderation_date": fields.Datetime.now(),
            }
        )

    @workflow_action
    def action_approve(self):
        self._check_can_moderate(("pending", "rejected"))
        self._do_moderate("approved")
        return True

    @workflow_action
    def action_reject(self):
        self._check_can_moderate(("pending", "approved"))
        self._do_moderate("rejected")
        return True
