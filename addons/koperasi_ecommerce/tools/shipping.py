"""Courier shipping: plain Python, no ORM.

The rate table's arithmetic, the choice of the most specific rate row, the
checkout badges and the client of a courier-rate web service in RajaOngkir's
API shape (``POST {base_url}/cost``).
"""

import math
import re
import threading
import time

import requests

from .commission import round_rupiah

# A quote from the web service is kept this long (seconds), and a service that
# failed is left alone this long, so that a slow service does not slow every
# checkout page down.
CACHE_SECONDS = 600
DOWN_SECONDS = 60
_CACHE_SIZE = 512

_cache = {}
_down_until = {}
_lock = threading.Lock()


class CourierApiError(Exception):
    """The web service did not give a usable rate."""


def chargeable_kg(weight_kg):
    """The weight a courier charges: whole kilograms, rounded up, at least 1.

    ``weight_kg`` is rounded to the gram first, so that 0.1 * 3 is 300 g and
    not a hair above.
    """
    grams = max(0, round((weight_kg or 0.0) * 1000))
    return max(1, math.ceil(grams / 1000))


def courier_price(first_kg_price, next_kg_price, kg):
    """The price of ``kg`` whole kilograms, in whole rupiah (half up)."""
    if kg < 1:
        raise ValueError("a parcel weighs at least 1 kg")
    return round_rupiah((first_kg_price or 0.0) + (next_kg_price or 0.0) * (kg - 1))


def normalize_city(city):
    """A city name as the rate table compares it: case and spaces ignored."""
    return " ".join((city or "").split()).casefold()


def most_specific(rows, city):
    """Of ``rows`` (``(key, row_city)`` pairs for one carrier and province),
    the key of the row of ``city`` (kabupaten/kota) if there is one, else the
    key of the province row (no city), else ``None``."""
    wanted = normalize_city(city)
    province = None
    for key, row_city in rows:
        row_city = normalize_city(row_city)
        if row_city and row_city == wanted:
            return key
        if not row_city and province is None:
            province = key
    return province


def checkout_badges(quotes):
    """Which couriers to mark ``cheapest`` and ``fastest`` at checkout.

    ``quotes`` maps a key to ``(price, etd_min, etd_max)``. The fastest is the
    shortest longest delay, then the shortest shortest delay. A badge is only
    given when it tells the couriers apart: with fewer than two couriers, or
    when they all tie, nobody gets it. Returns ``{key: set of badges}``.
    """
    badges = {key: set() for key in quotes}
    if len(quotes) < 2:
        return badges
    criteria = {
        "cheapest": lambda quote: quote[0],
        "fastest": lambda quote: (quote[2], quote[1]),
    }
    for badge, criterion in criteria.items():
        values = {key: criterion(quote) for key, quote in quotes.items()}
        best = min(values.values())
        winners = [key for key, value in values.items() if value == best]
        if len(winners) < len(quotes):
            for key in winners:
                badges[key].add(badge)
    return badges


def parse_etd(etd):
    """``"2-3"``, ``"2-3 HARI"``, ``"1"`` -> ``(2, 3)``, ``(2, 3)``, ``(1, 1)``;
    ``(0, 0)`` when the service gives no delay."""
    numbers = [int(n) for n in re.findall(r"\d+", str(etd or ""))[:2]]
    if not numbers:
        return 0, 0
    return min(numbers), max(numbers)


def parse_cost_response(payload, service):
    """The rate of ``service`` in a RajaOngkir ``/cost`` answer, as
    ``(price, etd_min, etd_max)``. Raises :class:`CourierApiError`."""
    try:
        body = payload["rajaongkir"]
        status = body["status"]
        if int(status["code"]) != 200:
            raise CourierApiError(
                f"status {status['code']}: {status.get('description', '')}"
            )
        wanted = (service or "").strip().casefold()
        for result in body["results"]:
            for cost in result["costs"]:
                if str(cost["service"]).strip().casefold() != wanted:
                    continue
                first = cost["cost"][0]
                value = float(first["value"])
                if not math.isfinite(value) or value < 0:
                    raise CourierApiError(f"implausible cost {value!r}")
                etd_min, etd_max = parse_etd(first.get("etd"))
                return round_rupiah(value), etd_min, etd_max
    except CourierApiError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise CourierApiError(f"unexpected answer: {error!r}") from error
    raise CourierApiError(f"service {service!r} not in the answer")


def fetch_cost(
    base_url, api_key, origin, destination, grams, courier, service, timeout
):
    """Ask the web service the rate of one courier service.

    Returns ``(price, etd_min, etd_max)``; raises :class:`CourierApiError`
    on any failure (network, timeout, HTTP status, JSON, content). Answers
    are cached for :data:`CACHE_SECONDS`; after the service failed (network,
    timeout, a server error, an answer that is no JSON) it is not called
    again for :data:`DOWN_SECONDS`; a question it refuses (a 4xx, a service
    missing from the answer) is a miss for that question only.
    """
    base_url = (base_url or "").rstrip("/")
    key = (base_url, api_key, origin, destination, grams, courier, service)
    now = time.monotonic()
    with _lock:
        if _down_until.get(base_url, 0) > now:
            raise CourierApiError("the service failed a moment ago")
        cached = _cache.get(key)
        if cached and cached[0] > now:
            return cached[1]
    try:
        response = requests.post(
            f"{base_url}/cost",
            headers={"key": api_key},
            data={
                "origin": origin,
                "destination": destination,
                "weight": grams,
                "courier": courier,
            },
            timeout=timeout,
            # The key goes to the configured service only, never on to
            # wherever a redirect points.
            allow_redirects=False,
        )
        if response.status_code >= 500:
            response.raise_for_status()
        if response.status_code != 200:
            # A refusal of this one question (an unknown city, a courier
            # the plan does not offer): the service itself is up.
            raise CourierApiError(f"HTTP {response.status_code}")
        quote = parse_cost_response(response.json(), service)
    except CourierApiError:
        raise
    except (requests.RequestException, ValueError) as error:
        # The service is down or answers nonsense: leave it alone a moment
        # rather than slow every checkout down.
        with _lock:
            _down_until[base_url] = time.monotonic() + DOWN_SECONDS
        raise CourierApiError(f"{type(error).__name__}: {error}") from error
    with _lock:
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        _cache[key] = (time.monotonic() + CACHE_SECONDS, quote)
    return quote


def clear_cache():
    """Forget cached answers and failures (settings changed, tests)."""
    with _lock:
        _cache.clear()
        _down_until.clear()
