"""Demo product pictures drawn locally with Pillow (nothing is downloaded)."""

import base64
import io

from PIL import Image, ImageDraw

_PALETTES = {
    "fish": ((32, 107, 164), (214, 234, 248)),
    "feed": ((120, 86, 42), (245, 232, 205)),
    "probiotic": ((46, 139, 87), (220, 245, 228)),
    "cracker": ((214, 137, 16), (253, 242, 214)),
    "sambal": ((192, 57, 43), (250, 219, 216)),
    "abon": ((146, 94, 54), (242, 226, 210)),
}


def draw_product_image(kind, size=512):
    """Return a PNG (base64) picturing a product of ``kind``."""
    dark, light = _PALETTES.get(kind, _PALETTES["fish"])
    image = Image.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(image)
    s = size
    draw.rounded_rectangle(
        (s * 0.06, s * 0.06, s * 0.94, s * 0.94), s // 12, outline=dark, width=s // 64
    )
    if kind == "fish":
        draw.ellipse((s * 0.18, s * 0.36, s * 0.72, s * 0.64), fill=dark)
        draw.polygon(
            [(s * 0.70, s * 0.5), (s * 0.86, s * 0.36), (s * 0.86, s * 0.64)], fill=dark
        )
        draw.ellipse((s * 0.26, s * 0.44, s * 0.31, s * 0.49), fill=light)
        for i in range(3):
            draw.line(
                (s * 0.2, s * (0.47 + i * 0.02), s * 0.08, s * (0.42 + i * 0.05)),
                fill=dark,
                width=s // 128 + 1,
            )
    elif kind in ("feed", "probiotic"):
        draw.rectangle((s * 0.3, s * 0.22, s * 0.7, s * 0.8), fill=dark)
        draw.rectangle((s * 0.36, s * 0.4, s * 0.64, s * 0.6), fill=light)
        if kind == "probiotic":
            draw.rectangle((s * 0.42, s * 0.12, s * 0.58, s * 0.22), fill=dark)
    elif kind == "cracker":
        for i in range(5):
            x = s * (0.2 + (i % 3) * 0.22)
            y = s * (0.25 + (i // 3) * 0.28)
            draw.ellipse((x, y, x + s * 0.2, y + s * 0.2), fill=dark)
    else:
        draw.rectangle(
            (s * 0.28, s * 0.34, s * 0.72, s * 0.8),
            fill=light,
            outline=dark,
            width=s // 40,
        )
        draw.rectangle((s * 0.3, s * 0.5, s * 0.7, s * 0.78), fill=dark)
        draw.rectangle((s * 0.26, s * 0.26, s * 0.74, s * 0.34), fill=dark)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return base64.b64encode(buffer.getvalue())
