from odoo import fields, models


class DinasAlbumPhoto(models.Model):
    _name = "dinas.album.photo"
    _description = "Album Photo"
    _order = "sequence, id"
    _check_company_auto = True

    album_id = fields.Many2one(
        "dinas.album", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    image = fields.Image(required=True, max_width=1920, max_height=1920)
    image_512 = fields.Image(
        "Image 512", related="image", max_width=512, max_height=512, store=True
    )
    image_1024 = fields.Image(
        "Image 1024", related="image", max_width=1024, max_height=1024, store=True
    )
    caption = fields.Char(translate=True)
    # The website serves a picture to visitors when its record is published.
    website_published = fields.Boolean(related="album_id.website_published")
    company_id = fields.Many2one(
        related="album_id.company_id", store=True, index=True, precompute=True
    )
