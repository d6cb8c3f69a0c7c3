"""Catfish batch KPIs as plain Python (no ORM), see DOMAIN.md section 6.

Weights are in grams (fish) or kilograms (biomass, feed); money in whole
rupiah; rates in percent.
"""

import math
from datetime import date

# Stocking density norms in fish per m3 of water.
DENSITY_TRADITIONAL_MAX = 50
DENSITY_SEMI_INTENSIVE_MAX = 150
DENSITY_BIOFLOC_MIN = 300
DENSITY_BIOFLOC_MAX = 500

# Water quality norms: (minimum, maximum); None means unbounded.
WATER_NORMS = {
    "temperature": (25.0, 30.0),
    "ph": (6.5, 8.5),
    "dissolved_oxygen": (3.0, None),
    "ammonia": (None, 0.1),
}


def _round_rupiah(amount):
    """Round half up to a whole rupiah (IDR amounts of the cooperative)."""
    amount = float(amount or 0.0)
    sign = -1 if amount < 0 else 1
    return sign * int(abs(amount) + 0.5)


def live_count(stocked, dead, harvested):
    """Fish still in the pond: stocked - recorded deaths - harvested (never below 0)."""
    return max(int(stocked or 0) - int(dead or 0) - int(harvested or 0), 0)


def average_body_weight(sample_count, sample_weight_kg):
    """Average body weight (ABW) in grams of a weighed sample."""
    if not sample_count or sample_count <= 0:
        return 0.0
    return round(float(sample_weight_kg or 0.0) * 1000.0 / sample_count, 2)


def biomass_kg(abw_g, live):
    """Estimated biomass in kg: ABW (g) * estimated live count."""
    return round(float(abw_g or 0.0) * int(live or 0) / 1000.0, 2)


def weight_gain_kg(stocked, fry_weight_g, biomass, harvested_kg):
    """Weight gained since stocking: standing biomass + harvested - stocked weight."""
    initial = int(stocked or 0) * float(fry_weight_g or 0.0) / 1000.0
    return round(float(biomass or 0.0) + float(harvested_kg or 0.0) - initial, 2)


def fcr(feed_kg, gain_kg):
    """Feed conversion ratio: kg of feed per kg of weight gained (0 when no gain)."""
    if not gain_kg or gain_kg <= 0:
        return 0.0
    return round(float(feed_kg or 0.0) / gain_kg, 3)


def survival_rate(stocked, harvested, live=0):
    """Survival rate in percent: (harvested + still alive) / stocked."""
    if not stocked or stocked <= 0:
        return 0.0
    return round((int(harvested or 0) + int(live or 0)) * 100.0 / stocked, 2)


def days_of_culture(stocking_date, end_date):
    """Whole days between stocking and end_date (0 when not stocked yet)."""
    if not stocking_date or not end_date or end_date < stocking_date:
        return 0
    if not isinstance(stocking_date, date) or not isinstance(end_date, date):
        raise TypeError("days_of_culture expects dates")
    return (end_date - stocking_date).days


def adg(abw_g, fry_weight_g, days):
    """Average daily gain in grams per fish per day."""
    if not days or days <= 0 or not abw_g:
        return 0.0
    return round((float(abw_g) - float(fry_weight_g or 0.0)) / days, 3)


def total_cost(fry_cost, feed_cost, treatment_cost, other_cost):
    """Cost of a batch in whole rupiah: fry + feed + treatments + other."""
    return _round_rupiah(
        (fry_cost or 0.0)
        + (feed_cost or 0.0)
        + (treatment_cost or 0.0)
        + (other_cost or 0.0)
    )


def cost_per_kg(cost, kg):
    """Cost per kg of fish in whole rupiah (0 when nothing weighed)."""
    if not kg or kg <= 0:
        return 0
    return _round_rupiah(float(cost or 0.0) / kg)


def revenue(sales):
    """Revenue in whole rupiah of an iterable of (kg, price per kg)."""
    return _round_rupiah(
        sum(float(kg or 0.0) * float(price or 0.0) for kg, price in sales)
    )


def margin(revenue_amount, cost):
    """Margin in whole rupiah: revenue - cost."""
    return _round_rupiah(float(revenue_amount or 0.0) - float(cost or 0.0))


def stocking_density(fry_count, volume_m3):
    """Fish per m3 of water (0 without a volume)."""
    if not volume_m3 or volume_m3 <= 0:
        return 0.0
    return round(int(fry_count or 0) / float(volume_m3), 2)


def density_class(density, biofloc=False):
    """'traditional', 'semi_intensive', 'intensive' or 'biofloc'."""
    if biofloc:
        return "biofloc"
    if density < DENSITY_TRADITIONAL_MAX:
        return "traditional"
    if density <= DENSITY_SEMI_INTENSIVE_MAX:
        return "semi_intensive"
    return "intensive"


def density_out_of_norm(density, biofloc=False):
    """Whether a stocking density is outside the norms.

    Biofloc tanks: 300-500 fish/m3. Other ponds (no biofloc): above
    150 fish/m3 is beyond semi-intensive practice, needs biofloc.
    """
    if density <= 0:
        return False
    if biofloc:
        return not DENSITY_BIOFLOC_MIN <= density <= DENSITY_BIOFLOC_MAX
    return density > DENSITY_SEMI_INTENSIVE_MAX


def water_quality_issues(values):
    """Names of the parameters of `values` (dict) outside WATER_NORMS.

    Parameters that are missing or None are not checked.
    """
    issues = []
    for key, (low, high) in WATER_NORMS.items():
        value = values.get(key)
        if value is None or value is False:
            continue
        if (low is not None and value < low) or (high is not None and value > high):
            issues.append(key)
    return issues


def size_grade(fish_per_kg):
    """Market size grade of harvested catfish by fish per kg.

    'jumbo' below 8 fish/kg, 'consumption' 8-12 (the 80-125 g market size),
    'small' above 12.
    """
    if not fish_per_kg or fish_per_kg <= 0:
        return False
    if fish_per_kg < 8:
        return "jumbo"
    if fish_per_kg <= 12:
        return "consumption"
    return "small"


def round_area(diameter_m):
    """Water surface in m2 of a round tank of the given diameter."""
    radius = float(diameter_m or 0.0) / 2.0
    return round(math.pi * radius * radius, 2)
