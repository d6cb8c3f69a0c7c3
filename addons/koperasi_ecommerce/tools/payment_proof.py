"""Payment proof files: type by content (magic bytes) and size. No ORM."""

MAX_PROOF_SIZE = 5 * 1024 * 1024

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"%PDF-", "application/pdf", "pdf"),
)


def detect_proof_type(data):
    """Return ``(mimetype, extension)`` of a proof file, or ``None``.

    Only PNG, JPEG, WebP images and PDF documents are accepted; the file name
    and the browser's content type are not trusted.
    """
    if not data:
        return None
    for signature, mimetype, extension in _SIGNATURES:
        if data.startswith(signature):
            return mimetype, extension
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return None


def check_proof(data, max_size=MAX_PROOF_SIZE):
    """Return ``(error_code, mimetype, extension)`` for an uploaded proof.

    ``error_code`` is ``None`` when the file is acceptable, else ``"empty"``,
    ``"too_large"`` or ``"bad_type"``.
    """
    if not data:
        return "empty", None, None
    if len(data) > max_size:
        return "too_large", None, None
    detected = detect_proof_type(data)
    if not detected:
        return "bad_type", None, None
    return None, detected[0], detected[1]
