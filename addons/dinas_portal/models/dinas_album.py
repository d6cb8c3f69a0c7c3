from odoo import api, fields, models

from odoo.addons.koperasi_base.tools.business_date import business_today


class DinasAlbum(models.Model):
    """A photo album of the Dinas website's gallery (``/dinas/galeri``)."""

    _name = "dinas.album"
    _description = "Photo Album"
    _inherit = ["website.published.multi.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, translate=True)
    date = fields.Date(required=True, default=business_today)
    description = fields.Text(translate=True)
    cover = fields.Image(
        max_width=1024,
        max_height=1024,
        help="Shown in the list of albums; the first photo when empty.",
    )
    photo_ids = fields.One2many("dinas.album.photo", "album_id", string="Photos")
    photo_count = fields.Integer(compute="_compute_photo_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("photo_ids")
    def _compute_photo_count(self):
        counts = dict(
            self.env["dinas.album.photo"]._read_group(
                [("album_id", "in", self.ids)], ["album_id"], ["__count"]
            )
        )
        for album in self:
            album.photo_count = counts.get(album, 0)

    def _compute_website_url(self):
        super()._compute_website_url()
        for album in self:
            if album.id:
                album.website_url = f"/dinas/galeri/{self.env['ir.http']._slug(album)}"

    def _cover_url(self):
        """The picture of the album in the list of albums."""
        self.ensure_one()
        if self.with_context(bin_size=True).cover:
            return f"/web/image/dinas.album/{self.id}/cover"
        photo = self.photo_ids[:1]
        if photo:
            return f"/web/image/dinas.album.photo/{photo.id}/image_512"
        return "/web/static/img/placeholder.png"
