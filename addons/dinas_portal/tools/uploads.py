"""Upload checks by content (magic bytes), no ORM."""

SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)

MAX_UPLOAD_SIZE = 5 * 1024 * 1024


def detect_file_type(data, allowed=None):
    """Return the mimetype of ``data`` from its first bytes, or None.

    ``allowed`` restricts the accepted mimetypes (all known ones by default).
    """
    if not data:
        return None
    for magic, mimetype in SIGNATURES:
        if data.startswith(magic) and (allowed is None or mimetype in allowed):
            return mimetype
    return None
