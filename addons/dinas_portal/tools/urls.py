"""Addresses staff type into the website's content (related links, map)."""

import re
from urllib.parse import urlsplit

MAX_URL_LENGTH = 2048
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")


def is_web_url(value):
    """Whether ``value`` is an absolute http or https address with a host
    (nothing a browser would run, such as ``javascript:`` or ``data:``)."""
    if not isinstance(value, str) or not value or len(value) > MAX_URL_LENGTH:
        return False
    if _FORBIDDEN.search(value) or not value.isprintable():
        return False
    try:
        parts = urlsplit(value)
        valid_port = parts.port is None or parts.port > 0
    except ValueError:  # a port out of range, a malformed IPv6 host
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and valid_port
