from odoo import api, models

from odoo.addons.account.models.chart_template import template


class AccountChartTemplate(models.AbstractModel):
    """The cooperative's accounts and journals, set up with the chart.

    When a chart of accounts is loaded on a company, and when a koperasi addon
    is installed on a company that already has one, the company's koperasi
    settings get the chart's own account where the chart has one (the
    Indonesian chart's *Cadangan Modal*, say) and an account created once, with
    a code of the chart's numbering and an xmlid of the chart
    (``account.<company id>_koperasi_...``), where it has not. The other
    koperasi addons add their accounts by extending the ``_get_koperasi_*``
    methods.
    """

    _inherit = "account.chart.template"

    # ------------------------------------------------------------------
    # What the cooperative needs (extended by the other koperasi addons)
    # ------------------------------------------------------------------
    def _get_koperasi_accounts(self, template_code):
        """The koperasi accounts: ``{xmlid: values}``. ``prefix`` places the
        account in the chart: its code is the first free one starting with
        the prefix, as long as the chart's codes. ``module`` names the addon
        whose translations have the account's name (by default this one)."""
        _ = self.env._
        return {
            "koperasi_simpanan_pokok": {
                "name": _("Simpanan Pokok"),
                "account_type": "equity",
                "prefix": "3111",
            },
            "koperasi_simpanan_wajib": {
                "name": _("Simpanan Wajib"),
                "account_type": "equity",
                "prefix": "3111",
            },
            "koperasi_settlement": {
                "name": _("Members' Exit Settlement"),
                "account_type": "equity",
                "prefix": "3119",
            },
            "koperasi_cadangan": {
                "name": _("Reserve (Cadangan)"),
                "account_type": "equity",
                "prefix": "3121",
            },
            "koperasi_utang_shu_anggota": {
                "name": _("Members' SHU Payable"),
                "account_type": "liability_current",
                "prefix": "2131",
            },
            "koperasi_utang_shu_pengurus": {
                "name": _("Board and Supervisors' SHU Payable"),
                "account_type": "liability_current",
                "prefix": "2131",
            },
            "koperasi_utang_shu_karyawan": {
                "name": _("Staff SHU Payable"),
                "account_type": "liability_current",
                "prefix": "2131",
            },
            "koperasi_dana_pendidikan": {
                "name": _("Education Fund (SHU)"),
                "account_type": "liability_current",
                "prefix": "2132",
            },
            "koperasi_dana_sosial": {
                "name": _("Social Fund (SHU)"),
                "account_type": "liability_current",
                "prefix": "2132",
            },
            "koperasi_dana_shu_lainnya": {
                "name": _("Other SHU Funds"),
                "account_type": "liability_current",
                "prefix": "2132",
            },
        }

    def _get_koperasi_chart_accounts(self, template_code):
        """The chart's own accounts that serve as koperasi accounts:
        ``{koperasi xmlid: chart xmlid}``; no koperasi account is created
        for them."""
        if template_code == "id":
            return {"koperasi_cadangan": "l10n_id_31210010"}
        return {}

    def _get_koperasi_company_settings(self):
        """The company's koperasi settings: ``{res.company field: xmlid}``;
        an xmlid of a koperasi account or of a journal of the chart."""
        return {
            "koperasi_pokok_account_id": "koperasi_simpanan_pokok",
            "koperasi_wajib_account_id": "koperasi_simpanan_wajib",
            "koperasi_settlement_account_id": "koperasi_settlement",
            "koperasi_shu_reserve_account_id": "koperasi_cadangan",
            "koperasi_shu_members_account_id": "koperasi_utang_shu_anggota",
            "koperasi_shu_board_account_id": "koperasi_utang_shu_pengurus",
            "koperasi_shu_staff_account_id": "koperasi_utang_shu_karyawan",
            "koperasi_shu_education_account_id": "koperasi_dana_pendidikan",
            "koperasi_shu_social_account_id": "koperasi_dana_sosial",
            "koperasi_shu_other_account_id": "koperasi_dana_shu_lainnya",
            "koperasi_journal_id": "cash",
        }

    def _koperasi_settings_values(self, template_code):
        """``{res.company field: xmlid}`` for the chart ``template_code``: the
        chart's account where it has one, unless the company already has the
        koperasi account."""
        chart = {
            xmlid: chart_xmlid
            for xmlid, chart_xmlid in self._get_koperasi_chart_accounts(
                template_code
            ).items()
            if not self.ref(xmlid, raise_if_not_found=False)
        }
        return {
            fname: chart.get(xmlid, xmlid)
            for fname, xmlid in self._get_koperasi_company_settings().items()
        }

    # ------------------------------------------------------------------
    # Template data
    # ------------------------------------------------------------------
    @template(model="account.account")
    def _get_koperasi_account_account(self, template_code):
        chart = self._get_koperasi_chart_accounts(template_code)
        return {
            xmlid: values
            for xmlid, values in self._get_koperasi_accounts(template_code).items()
            if xmlid not in chart
        }

    @template(model="res.company")
    def _get_koperasi_res_company(self, template_code):
        return {self.env.company.id: self._koperasi_settings_values(template_code)}

    def _get_chart_template_data(self, template_code):
        data = super()._get_chart_template_data(template_code)
        self._koperasi_assign_codes(template_code, data)
        return data

    def _koperasi_assign_codes(self, template_code, data):
        """Turn the ``prefix`` of the koperasi accounts into codes.

        An account the company already has keeps its code; a new one gets
        the first code with its prefix, as long as the chart's codes, that
        neither the chart nor the company uses.
        """
        accounts = data.get("account.account", {})
        koperasi = [
            xmlid
            for xmlid in self._get_koperasi_accounts(template_code)
            if "prefix" in accounts.get(xmlid, {})
        ]
        if not koperasi:
            return
        company = self.env.company
        Account = self.env["account.account"].with_company(company)
        digits = int(data.get("template_data", {}).get("code_digits", 6))
        used = {
            str(values["code"]).ljust(digits, "0")
            for values in accounts.values()
            if values.get("code")
        }
        for xmlid in koperasi:
            values = accounts[xmlid]
            prefix = values.pop("prefix")
            # The name is translated with the addon that named the account,
            # not with this one, whose function hands it to the chart.
            module = values.pop("module", None)
            if module:
                values.setdefault("__translation_module__", {})["name"] = module
            existing = self.ref(xmlid, raise_if_not_found=False)
            if existing:
                values["code"] = existing.with_company(company).code
                continue
            start = prefix.ljust(digits - 1, "0") + "1"
            values["code"] = Account._search_new_account_code(start, cache=used)
            used.add(values["code"])

    # ------------------------------------------------------------------
    # Configuration
    # ------------------------------------------------------------------
    def _post_load_data(self, template_code, company, template_data):
        super()._post_load_data(template_code, company, template_data)
        self._koperasi_configure_company(company or self.env.company)

    @api.model
    def _koperasi_configure(self, companies=None):
        """Give every company with a chart of accounts (or ``companies``) the
        koperasi accounts and journals its settings miss, creating each
        koperasi account once. Run when a koperasi addon is installed or
        updated; running it again changes nothing."""
        if companies is None:
            companies = self.env["res.company"].search(
                [("chart_template", "!=", False)], order="parent_path"
            )
        for company in companies.filtered("chart_template"):
            self.with_company(company).with_context(
                default_company_id=company.id, lang="en_US"
            )._koperasi_configure_company(company)

    def _koperasi_configure_company(self, company):
        """Fill the empty koperasi settings of ``company`` from its chart."""
        template_code = company.chart_template
        settings = self._koperasi_settings_values(template_code)
        missing = {
            fname: xmlid for fname, xmlid in settings.items() if not company[fname]
        }
        if missing:
            data = self._get_chart_template_data(template_code)
            mine = self._get_koperasi_accounts(template_code)
            accounts = {
                xmlid: data["account.account"][xmlid]
                for xmlid in set(missing.values())
                if xmlid in mine
                and xmlid in data["account.account"]
                and not company.parent_id
                and not self.ref(xmlid, raise_if_not_found=False)
            }
            self._load_data(
                {"account.account": accounts, "res.company": {company.id: missing}}
            )
            if accounts:
                self._load_translations(companies=company, template_data=data)
        self._koperasi_configure_records(company)

    def _koperasi_configure_records(self, company):
        """Hook: give the records of ``company`` that need them (products,
        say) the accounts of its koperasi settings."""
