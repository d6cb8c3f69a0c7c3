from odoo import fields, models


class BlogPost(models.Model):
    _inherit = "blog.post"

    dinas_comment_ids = fields.One2many(
        "dinas.news.comment",
        "post_id",
        string="Visitor Comments",
        groups="dinas_portal.group_dinas_portal_user",
    )

    def _dinas_accepts_comments(self):
        """Whether visitors may comment on this post: a published post of the
        company's news blog (of any blog while none is set)."""
        self.ensure_one()
        news_blog = self.env.company.sudo().dinas_blog_id
        return bool(
            self.sudo().is_published
            and (not news_blog or self.sudo().blog_id == news_blog)
        )

    def _dinas_public_comments(self):
        """The approved comments shown under the post (sudo: visitors have no
        access to the comments model; only the public fields are read)."""
        self.ensure_one()
        return (
            self.env["dinas.news.comment"]
            .sudo()
            .search_fetch(
                [
                    ("post_id", "=", self.id),
                    ("state", "=", "approved"),
                    ("company_id", "=", self.env.company.id),
                ],
                ["name", "message", "create_date"],
                order="create_date, id",
                limit=200,
            )
        )
