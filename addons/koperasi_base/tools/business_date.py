"""The business date of the Koperasi Suite: one rule for "today" and "now".

A cooperative's day is the day in its own timezone (its company partner's
``tz``, Asia/Jakarta when none is set), whoever acts and wherever the server
runs: a scheduled action with no user, a board member whose preferences say
Europe/Brussels and a portal member all see the same date. Every model,
wizard, controller and scheduled action of the suite asks these helpers; the
linters of the test command refuse the server's and the user's clocks
(``fields.Date.today``, ``fields.Date.context_today``, ``date.today``,
``datetime.now``) in the suite's code.
"""

import datetime

import pytz

from odoo import fields

DEFAULT_TZ = "Asia/Jakarta"


def company_timezone(company):
    """The pytz timezone of ``company`` (Asia/Jakarta when unset or unknown)."""
    # The timezone is no secret: portal users and visitors' requests ask it too.
    name = company.sudo().partner_id.tz if company else False
    if name not in pytz.all_timezones_set:
        name = DEFAULT_TZ
    return pytz.timezone(name)


def _company(records, company=None):
    """The company whose day counts for ``records``.

    The record's own company when it has one (a single company for the whole
    recordset: callers working across companies ask per company), else the
    environment's company.
    """
    if company:
        return company
    if records._name == "res.company":
        companies = records
    elif "company_id" in records._fields:
        companies = records.company_id
    else:
        companies = records.browse()
    if len(companies) > 1:
        raise ValueError(
            f"The business date of {records} is asked for several companies "
            f"({companies.ids}): ask per company."
        )
    return companies or records.env.company


def local_from_utc(records, timestamp, company=None):
    """The naive local datetime, in the company's timezone, of a UTC
    ``timestamp`` (as stored by ``fields.Datetime``)."""
    tz = company_timezone(_company(records, company))
    if timestamp.tzinfo is None:
        timestamp = pytz.utc.localize(timestamp)
    return timestamp.astimezone(tz).replace(tzinfo=None)


def business_now(records, company=None):
    """The company's wall-clock time now, as a naive datetime."""
    return local_from_utc(
        records, datetime.datetime.now(datetime.timezone.utc), company
    )


def business_today(records, company=None):
    """The company's date today.

    Usable as a field default: ``default=business_today``.
    """
    return business_now(records, company).date()


def business_date(records, timestamp, company=None):
    """The company's date of a UTC ``timestamp`` (``False`` stays ``False``)."""
    if not timestamp:
        return False
    return local_from_utc(records, timestamp, company).date()


def business_day_bounds(records, day, company=None):
    """The UTC naive datetimes where the company's ``day`` starts and the next
    one starts, for searching ``fields.Datetime`` values by business date."""
    tz = company_timezone(_company(records, company))
    start = tz.localize(datetime.datetime.combine(day, datetime.time.min))
    end = tz.localize(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )
    return (
        start.astimezone(pytz.utc).replace(tzinfo=None),
        end.astimezone(pytz.utc).replace(tzinfo=None),
    )


def odoo_today(records):
    """The day Odoo's own code calls "today" (the user's timezone, as
    ``fields.Date.context_today``). Only to meet Odoo's own computations on
    their terms (the shop prices the "before discount" price at this date,
    and koperasi_ecommerce prices a page ahead for it); never a business
    date, which is the cooperative's: business_today()."""
    return fields.Date.context_today(records)
