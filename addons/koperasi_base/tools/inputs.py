"""Parsing of what people type into the suite's public and portal forms.

Every controller (and the model methods that take a form's raw values) reads
ids, integers, amounts, dates, years and text through these helpers, so that
a bad value always ends as a clear, translated :class:`ValidationError`
(a form message, or a 400/404 where there is no form) and never as a server
error or a stored control character:

- numbers are ASCII digits only (full-width and Arabic-Indic digits, which
  Python's ``int()`` accepts, are refused), within bounds that fit the
  database (ids and integers are 32-bit there);
- amounts are finite, in whole rupiah, within the currency's plausible range
  (no ``nan``, ``inf``, ``1e30`` or 10^20);
- dates and years are within sane years;
- text is NFC-normalised, without control characters (tabs and line breaks
  only where the field is multi-line), within a length.
"""

import datetime
import math
import re
import unicodedata

from odoo.exceptions import ValidationError

MAX_ID = 2**31 - 1
# No cooperative's figure reaches a thousand trillion rupiah (10^15).
MAX_AMOUNT = 10**15
MIN_YEAR = 1900
MAX_YEAR = 2100

_DIGITS = re.compile(r"^[0-9]+$", re.ASCII)
_AMOUNT = re.compile(
    r"^-?[0-9]{1,3}(?:[.,][0-9]{3})*(?:[.,][0-9]{1,2})?$|^-?[0-9]+$", re.ASCII
)
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$", re.ASCII)
_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}
_KEEP_MULTILINE = {"\n", "\t"}


def _text_of(value):
    if value is None or value is False:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value)


def _error(env, message, label=None):
    if label:
        message = env._("%(field)s: %(message)s", field=label, message=message)
    return ValidationError(message)


def has_control_characters(value, multiline=False):
    """Whether ``value`` holds characters nobody types (NUL, escapes, bidi
    overrides, ...); line breaks and tabs count only when not ``multiline``."""
    for char in _text_of(value):
        if multiline and char in _KEEP_MULTILINE:
            continue
        if char == "\r" and multiline:
            continue
        if unicodedata.category(char) in _CONTROL:
            return True
    return False


def clean_text(env, value, max_length=200, multiline=False, label=None, required=False):
    """The text a person typed, normalised; refuses control characters and
    text longer than ``max_length`` characters."""
    text = unicodedata.normalize("NFC", _text_of(value)).replace("\r\n", "\n")
    if has_control_characters(text, multiline=multiline):
        raise _error(
            env, env._("the text holds characters that cannot be typed."), label
        )
    text = text.strip()
    if len(text) > max_length:
        raise _error(
            env,
            env._("the text is too long (at most %(max)s characters).", max=max_length),
            label,
        )
    if required and not text:
        raise _error(env, env._("this field is required."), label)
    return text


def _number_given(value):
    """A number an RPC client sent as a number (not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def _grouped(number):
    """``1000000`` as ``1.000.000``, the way Indonesians write it."""
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}".replace(",", ".") if isinstance(number, int) else str(number)


def _check_range(env, number, minimum, maximum, label):
    if not math.isfinite(number) or number < minimum or number > maximum:
        low, high = _grouped(minimum), _grouped(maximum)
        raise _error(
            env,
            env._(
                "the number must be between %(minimum)s and %(maximum)s.",
                minimum=low,
                maximum=high,
            ),
            label,
        )
    return number


def parse_int(env, value, minimum=0, maximum=MAX_ID, label=None, default=None):
    """An integer typed in ASCII digits within ``[minimum, maximum]``; an empty
    value gives ``default``."""
    given = _number_given(value)
    if given is not None:
        if isinstance(given, float) and not (
            math.isfinite(given) and given.is_integer()
        ):
            raise _error(env, env._("enter a whole number in digits 0-9."), label)
        return int(_check_range(env, given, minimum, maximum, label))
    text = _text_of(value).strip()
    if not text:
        return default
    negative = text.startswith("-")
    digits = text[1:] if negative else text
    if len(digits) > 12 or not _DIGITS.match(digits):
        raise _error(env, env._("enter a whole number in digits 0-9."), label)
    number = -int(digits) if negative else int(digits)
    return _check_range(env, number, minimum, maximum, label)


def parse_id(env, value, label=None):
    """A record id from a form or a query (``None`` when empty)."""
    return parse_int(env, value, minimum=1, maximum=MAX_ID, label=label)


def parse_amount(env, value, minimum=0, maximum=MAX_AMOUNT, label=None, default=None):
    """An amount in rupiah: ASCII digits, with ``.`` or ``,`` as thousands
    separators (``1.000.000``) and at most two decimals; finite and within
    ``[minimum, maximum]``. Returns a float of whole rupiah and cents."""
    given = _number_given(value)
    if given is not None:
        return float(_check_range(env, given, minimum, maximum, label))
    text = _text_of(value).strip().replace(" ", "")
    for prefix in ("Rp.", "Rp", "rp"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if not text:
        return default
    if len(text) > 24 or not _AMOUNT.match(text):
        raise _error(env, env._("enter the amount in digits, e.g. 150000."), label)
    negative = text.startswith("-")
    text = text.lstrip("-")
    decimals = ""
    match = re.search(r"[.,]([0-9]{1,2})$", text)
    if match and not re.search(r"[.,][0-9]{3}$", text):
        decimals = match.group(1)
        text = text[: match.start()]
    whole = re.sub(r"[.,]", "", text)
    amount = int(whole) + (int(decimals) / (10 ** len(decimals)) if decimals else 0)
    if negative:
        amount = -amount
    return float(_check_range(env, amount, minimum, maximum, label))


def parse_float(env, value, minimum, maximum, label=None, default=None):
    """A measurement (a weight, a temperature, a pH): ASCII digits with an
    optional ``.`` or ``,`` decimal part, finite, within bounds."""
    given = _number_given(value)
    if given is not None:
        return float(_check_range(env, given, minimum, maximum, label))
    text = _text_of(value).strip().replace(",", ".")
    if not text:
        return default
    if len(text) > 20 or not re.match(r"^-?[0-9]+(\.[0-9]+)?$", text, re.ASCII):
        raise _error(env, env._("enter a number in digits, e.g. 27.5."), label)
    return _check_range(env, float(text), minimum, maximum, label)


def parse_year(
    env, value, minimum=MIN_YEAR, maximum=MAX_YEAR, label=None, default=None
):
    return parse_int(
        env, value, minimum=minimum, maximum=maximum, label=label, default=default
    )


def parse_date(env, value, minimum=None, maximum=None, label=None, default=None):
    """A date typed as YYYY-MM-DD between years 1900 and 2100 (or the given
    bounds)."""
    text = _text_of(value).strip()
    if not text:
        return default
    match = _DATE.match(text)
    try:
        if not match:
            raise ValueError(text)
        day = datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise _error(env, env._("enter a date as YYYY-MM-DD."), label) from None
    low = minimum or datetime.date(MIN_YEAR, 1, 1)
    high = maximum or datetime.date(MAX_YEAR, 12, 31)
    if day < low or day > high:
        raise _error(
            env,
            env._(
                "the date must be between %(minimum)s and %(maximum)s.",
                minimum=low.isoformat(),
                maximum=high.isoformat(),
            ),
            label,
        )
    return day


def is_ascii_digits(value, length=None):
    """Whether ``value`` is made of ASCII digits only (of ``length``)."""
    text = _text_of(value)
    if not _DIGITS.match(text):
        return False
    return length is None or len(text) == length


# Identity numbers: ASCII digits of the exact length.
IDENTITY_FORMATS = {
    "nik": 16,  # Nomor Induk Kependudukan (KTP)
    "nik_koperasi": 16,  # Nomor Induk Koperasi (ODS Kemenkop)
    "nib": 13,  # Nomor Induk Berusaha (OSS)
}


def check_identity(env, kind, value, label=None):
    """Refuse an identity number that is not ``IDENTITY_FORMATS[kind]`` ASCII
    digits (full-width or Arabic-Indic digits included)."""
    length = IDENTITY_FORMATS[kind]
    if value and not is_ascii_digits(value, length):
        raise _error(
            env,
            env._("it must be exactly %(length)s digits 0-9.", length=length),
            label,
        )


def check_bounds(records, bounds):
    """The plausibility rule of a model's numbers, for ``@api.constrains``:
    ``bounds`` maps a field name to ``(minimum, maximum)``; a value outside
    is refused with the field's label, whoever writes it (form, portal,
    RPC)."""
    env = records.env
    for record in records:
        for name, (minimum, maximum) in bounds.items():
            value = record[name] or 0
            if not minimum <= value <= maximum:
                raise ValidationError(
                    env._(
                        "%(field)s must be between %(minimum)s and %(maximum)s "
                        "(%(value)s was given).",
                        field=record._fields[name]._description_string(env),
                        minimum=minimum,
                        maximum=maximum,
                        value=value,
                    )
                )


def printable(value, max_length=300):
    """What a form shows back of a refused value: printable characters only,
    cut to ``max_length``."""
    text = _text_of(value)[: max_length * 2]
    return "".join(char for char in text if unicodedata.category(char) not in _CONTROL)[
        :max_length
    ]


def parse_ids(env, value, limit=10000):
    """Record ids written as ``1,2,3`` in a query (at most ``limit``)."""
    text = _text_of(value).strip()
    if not text:
        return []
    parts = text.split(",")
    if len(parts) > limit:
        raise _error(env, env._("too many records at once."))
    return [parse_id(env, part) for part in parts if part.strip()]


_TOKEN = re.compile(r"^[A-Za-z0-9_\-]{1,128}$", re.ASCII)


def clean_token(value):
    """An access or verification token from a URL, or ``None`` when it cannot
    be one (tokens are URL-safe ASCII): compared as such, a non-ASCII string
    makes ``hmac.compare_digest`` raise."""
    text = _text_of(value)
    return text if _TOKEN.match(text) else None
