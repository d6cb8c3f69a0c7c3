"""WhatsApp click-to-chat links (``wa.me``): no external API. No ORM."""

import re
from urllib.parse import quote


def normalize_phone(phone):
    """Return an Indonesian phone number in international digits (``628...``)."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits


def wa_link(text, phone=None):
    """Return a ``https://wa.me/`` link that opens WhatsApp with ``text``."""
    number = normalize_phone(phone)
    return f"https://wa.me/{number}?text={quote(text or '', safe='')}"
