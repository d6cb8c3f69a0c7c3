import contextlib
import datetime

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, MissingError
from odoo.models import PREFETCH_MAX

# Key of the rules searched for a whole page of products, in the cursor's cache.
RULES_CACHE = "koperasi_pricelist_batch_rules"
RULES_CACHE_SIZE = 256
# Rules searched at an instant are those valid at some moment of the next
# minutes, then sorted out exactly for each instant asked within them (see
# _get_applicable_rules). The end of that window is an argument of the search
# only, never read from the context, which any caller can set.
RULES_UNTIL = "koperasi_rules_until"
RULES_WINDOW = datetime.timedelta(minutes=10)
# Key of the prices of base pricelists computed for a whole page, in the
# cursor's cache, while a page is priced (see _koperasi_base_prices).
BASE_PRICES = "koperasi_pricelist_base_prices"
# Arguments of _get_applicable_rules that do not change which rules apply
# (website_sale's prices in the shop's currency pass it down).
RULE_NEUTRAL_KWARGS = {"target_currency"}
# Fields of pricelist rules that the ormcaches of product.pricelist read.
CACHED_RULE_FIELDS = {
    "pricelist_id",
    "date_end",
    "base",
    "base_pricelist_id",
    "compute_price",
    "price_discount",
}


def clear_rules_cache(env):
    """Forget the rules searched in this transaction (see _get_applicable_rules)."""
    env.cr.cache.pop(RULES_CACHE, None)


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def _is_available_on_website(self, website):
        """The member pricelist is available to logged-in active members only."""
        self.ensure_one()
        if website.company_id.sudo().koperasi_member_pricelist_id == self:
            if self.company_id and self.company_id != website.company_id:
                return False
            return self.active and bool(
                self.env["koperasi.member"]._koperasi_active_member_for_user(
                    self.env.user, website.company_id
                )
            )
        return super()._is_available_on_website(website)

    def _get_website_pricelists_domain(self, website):
        """Never list the member pricelist among the website's public ones."""
        domain = super()._get_website_pricelists_domain(website)
        member_pricelist = website.company_id.sudo().koperasi_member_pricelist_id
        if member_pricelist:
            domain = [*domain, ("id", "!=", member_pricelist.id)]
        return domain

    def _get_applicable_rules(self, products, date, **kwargs):
        """The rules of a page of products for a day, searched once.

        The prices before discount of a page (``_get_sales_prices``) are
        asked for one product at a time, each with a search of the rules of
        the base pricelist for the day. A product taken from a page (its
        prefetch batch) gets the rules of the whole page, searched once per
        transaction: a superset of its own rules, of which
        ``_compute_price_rule`` keeps applying the first that fits the
        product, as before.

        At an instant (a ``datetime``: ``fields.Datetime.now()``, which moves
        on by the second while a page is priced, then asked again for the end
        of a flash sale), the search finds the rules valid at some moment of
        the next minutes, and each instant within them gets exactly those
        valid at it.
        """
        kwargs.pop(RULES_UNTIL, None)  # set here only, for the search below
        ids = set(products._ids)
        batch = products.browse(products._prefetch_ids)
        if (
            not self
            or set(kwargs) - RULE_NEUTRAL_KWARGS
            or not isinstance(date, datetime.date)
            or len(batch) > PREFETCH_MAX
            or not all(isinstance(id_, int) for id_ in ids)
        ):
            return super()._get_applicable_rules(products, date, **kwargs)
        instant = isinstance(date, datetime.datetime)
        # The rules a search finds depend on who searches: the user, sudo and
        # the companies their record rules see (checked by Odoo).
        key = (
            self.id,
            products._name,
            "instant" if instant else date,
            self.env.uid,
            self.env.su,
            tuple(self.env.companies.ids),
        )
        memo = self.env.cr.cache.setdefault(RULES_CACHE, {})
        if len(memo) > RULES_CACHE_SIZE:
            memo.clear()  # a long transaction pricing at many dates
        searched = memo.setdefault(key, [])
        Rule = self.env["product.pricelist.item"]
        for start, until, batch_ids, rule_ids in searched:
            if ids <= batch_ids and (not instant or start <= date <= until):
                return self._koperasi_rules_at(Rule.browse(rule_ids), date)
        batch_ids = ids | {id_ for id_ in batch._ids if isinstance(id_, int)}
        start = until = date
        window = {}
        if instant:
            until = date + RULES_WINDOW
            window[RULES_UNTIL] = until
        try:
            rules = super()._get_applicable_rules(
                products.browse(batch_ids), date, **kwargs, **window
            )
        except (AccessError, MissingError):
            # A record of the batch is gone or out of reach: the products alone.
            return super()._get_applicable_rules(products, date, **kwargs)
        searched.append((start, until, frozenset(batch_ids), rules._ids))
        return self._koperasi_rules_at(Rule.browse(rules._ids), date)

    def _get_applicable_rules_domain(self, products, date, **kwargs):
        """Searched for the next minutes (``RULES_UNTIL``, passed by
        _get_applicable_rules only), also the rules starting within them."""
        until = kwargs.pop(RULES_UNTIL, None)
        domain = super()._get_applicable_rules_domain(products, date, **kwargs)
        if until and isinstance(date, datetime.datetime):
            starts = ("date_start", "<=", date)
            domain = [
                ("date_start", "<=", until) if term == starts else term
                for term in domain
            ]
        return domain

    @api.model
    def _koperasi_rules_at(self, rules, date):
        """The rules valid at ``date``, in their order (all of them for a day,
        searched for that day)."""
        if not isinstance(date, datetime.datetime):
            return rules
        return rules.filtered(
            lambda rule: (
                (not rule.date_start or rule.date_start <= date)
                and (not rule.date_end or rule.date_end >= date)
            )
        )

    def _compute_price_rule(
        self,
        products,
        quantity,
        currency=None,
        uom=None,
        date=False,
        compute_price=True,
        **kwargs,
    ):
        """Price a page of products on a pricelist based on another at once.

        A rule based on another pricelist (the member pricelist, based on the
        shop's) asks that pricelist for the price of each product, one product
        at a time; here the base pricelist prices the whole page first, and
        those prices answer its ``_get_product_price`` (same products,
        quantity, unit, date and currency) while the page is priced.
        """
        prefetch = contextlib.nullcontext()
        if self and compute_price and not kwargs and 1 < len(products) <= PREFETCH_MAX:
            bases = self._koperasi_base_pricelists()
            if bases:
                date = date or fields.Datetime.now()
                prefetch = self._koperasi_base_prices(
                    bases, products, quantity, uom, date
                )
        with prefetch:
            return super()._compute_price_rule(
                products,
                quantity,
                currency=currency,
                uom=uom,
                date=date,
                compute_price=compute_price,
                **kwargs,
            )

    def _koperasi_base_pricelists(self, discount_only=False):
        """The other pricelists that the rules of ``self`` compute prices on
        (only the rules showing a discount on the shop if ``discount_only``)."""
        return self.browse(
            base_id
            for base_id, discount in self._koperasi_base_pricelist_ids(self.id)
            if discount or not discount_only
        )

    @api.model
    @tools.ormcache("pricelist_id")
    def _koperasi_base_pricelist_ids(self, pricelist_id):
        """``((base pricelist id, shows a discount), ...)`` of the rules of the
        pricelist based on another: asked on every shop page, cached until a
        rule changes."""
        rules = (
            self.sudo()
            .browse(pricelist_id)
            .with_context(active_test=False)
            .item_ids.filtered(
                lambda rule: (
                    rule.base == "pricelist"
                    and rule.compute_price != "fixed"
                    and rule.base_pricelist_id.id not in (False, pricelist_id)
                )
            )
        )
        bases = {}
        for rule in rules:
            base_id = rule.base_pricelist_id.id
            bases[base_id] = bases.get(base_id, False) or rule._show_discount_on_shop()
        return tuple(bases.items())

    @contextlib.contextmanager
    def _koperasi_base_prices(self, pricelists, products, quantity, uom, date):
        """Within the block, ``pricelists`` answer the price of ``products``
        from one computation each, as ``_compute_base_price`` asks for it."""
        cache = self.env.cr.cache
        previous = cache.get(BASE_PRICES)
        prices = dict(previous or {})
        for pricelist in pricelists:
            currency = pricelist.currency_id
            results = pricelist._compute_price_rule(
                products, quantity, currency=currency, uom=uom, date=date
            )
            for product in products:
                key = (
                    pricelist.id,
                    product._name,
                    product.id,
                    quantity,
                    currency.id,
                    (uom or product.uom_id).id,
                    date,
                )
                prices[key] = results[product.id][0]
        cache[BASE_PRICES] = prices
        try:
            yield
        finally:
            if previous is None:
                cache.pop(BASE_PRICES, None)
            else:
                cache[BASE_PRICES] = previous

    def _get_product_price(
        self, product, quantity, currency=None, uom=None, date=False, **kwargs
    ):
        prices = self.env.cr.cache.get(BASE_PRICES)
        if prices and self and currency and uom and date and not kwargs:
            key = (
                self.id,
                product._name,
                product.id,
                quantity,
                currency.id,
                uom.id,
                date,
            )
            if key in prices:
                return prices[key]
        return super()._get_product_price(
            product, quantity, currency=currency, uom=uom, date=date, **kwargs
        )

    @api.model
    @tools.ormcache("pricelist_id")
    def _koperasi_has_time_bound_items(self, pricelist_id):
        """Whether the pricelist or a pricelist it is based on has items with
        an end date (a flash sale): asked on every product page, cached until
        an item changes."""
        pricelist = self.sudo().browse(pricelist_id)
        seen = self.sudo().browse()
        while pricelist and pricelist not in seen:
            seen |= pricelist
            items = pricelist.item_ids
            if any(item.date_end for item in items):
                return True
            pricelist = items.filtered(
                lambda item: item.base == "pricelist"
            ).base_pricelist_id
        return False


class ProductPricelistItem(models.Model):
    _inherit = "product.pricelist.item"

    @api.model_create_multi
    def create(self, vals_list):
        clear_rules_cache(self.env)
        # _koperasi_has_time_bound_items, _koperasi_base_pricelist_ids
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        clear_rules_cache(self.env)
        if CACHED_RULE_FIELDS & set(vals):
            # _koperasi_has_time_bound_items, _koperasi_base_pricelist_ids
            self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        clear_rules_cache(self.env)
        # _koperasi_has_time_bound_items, _koperasi_base_pricelist_ids
        self.env.registry.clear_cache()
        return super().unlink()
