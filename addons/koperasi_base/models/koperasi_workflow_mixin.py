from odoo import api, models
from odoo.exceptions import AccessError

from ..tools import numbering, workflow


class KoperasiWorkflowMixin(models.AbstractModel):
    """Fields that change only through the model's action methods.

    A model lists in ``_workflow_fields`` its state, posted amounts,
    approvals, numbers, tokens and links to journal entries: ``create`` and
    ``write`` by anyone but the superuser refuse them (on ``create`` a field
    may only carry its default). The public action methods, decorated with
    ``workflow_action`` (koperasi_base.tools.workflow), check the acting
    user's group with :meth:`_workflow_check_group` and are the only door;
    private code uses :meth:`_workflow_write` and :meth:`_workflow_create`.

    ``_workflow_frozen_fields`` are the record's terms (an amount, a member,
    a rate): editable while ``state`` is one of ``_workflow_open_states``,
    fixed after.
    """

    _name = "koperasi.workflow.mixin"
    _description = "Fields Changed Only by Workflow Actions"

    _workflow_fields = ()
    _workflow_frozen_fields = ()
    _workflow_open_states = ("draft",)
    # Numbering per company: the sequence code and the field it fills on
    # create (when empty or "/").
    _workflow_sequence_code = None
    _workflow_sequence_field = "name"

    def _workflow_env(self):
        """These records, in an environment that may set workflow fields."""
        return workflow.open_env(self)

    def _workflow_write(self, vals):
        return workflow.open_env(self).write(vals)

    @api.model
    def _workflow_create(self, vals_list):
        return workflow.open_env(self).create(vals_list).with_env(self.env)

    def _workflow_check_group(self, group_xmlid, message=None):
        """Raise unless the acting user is in ``group_xmlid`` (or superuser)."""
        if self.env.su or self.env.user.has_group(group_xmlid):
            return
        raise AccessError(
            message
            or self.env._(
                "You are not allowed to do this on %(model)s.",
                model=self._description,
            )
        )

    def _workflow_labels(self, names):
        return ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in names)
        )

    @api.model
    def _workflow_check_create(self, vals_list):
        """Refuse workflow fields a caller sets on create, unless each is
        empty or its default."""
        if workflow.is_open(self.env) or not self._workflow_fields:
            return
        names = set(self._workflow_fields)
        for vals in vals_list:
            given = names.intersection(vals)
            if not given:
                continue
            defaults = self.default_get(list(given))
            forced = [
                name
                for name in given
                if vals[name] and vals[name] != defaults.get(name)
            ]
            if forced:
                raise AccessError(
                    self.env._(
                        "%(fields)s of %(model)s are set only by its actions "
                        "(the buttons of the form), by the users allowed to run them.",
                        fields=self._workflow_labels(forced),
                        model=self._description,
                    )
                )

    def _workflow_check_write(self, vals):
        if workflow.is_open(self.env):
            return
        forced = set(self._workflow_fields).intersection(vals)
        if forced:
            raise AccessError(
                self.env._(
                    "%(fields)s of %(model)s change only through its actions "
                    "(the buttons of the form), by the users allowed to run them.",
                    fields=self._workflow_labels(forced),
                    model=self._description,
                )
            )
        frozen = set(self._workflow_frozen_fields).intersection(vals)
        if frozen and any(
            record.state not in self._workflow_open_states for record in self
        ):
            raise AccessError(
                self.env._(
                    "%(fields)s can no longer be changed on %(records)s: it is past its draft.",
                    fields=self._workflow_labels(frozen),
                    records=", ".join(self.mapped("display_name")),
                )
            )

    @api.model
    def _workflow_number(self, vals_list):
        """Give each new record its company's next number."""
        field = self._workflow_sequence_field
        by_company = {}
        for vals in vals_list:
            if vals.get(field, "/") not in ("/", False, None, ""):
                continue
            company_id = vals.get("company_id") or self._workflow_number_company(vals)
            by_company.setdefault(company_id, []).append(vals)
        for company_id, company_vals in by_company.items():
            numbers = numbering.next_company_numbers(
                self.env,
                self._workflow_sequence_code,
                self.env["res.company"].browse(company_id),
                len(company_vals),
            )
            for vals, number in zip(company_vals, numbers, strict=True):
                vals[field] = number

    @api.model
    def _workflow_number_company(self, vals):
        """The company of a record being created whose values name none."""
        return self.env.company.id

    @api.model_create_multi
    def create(self, vals_list):
        self._workflow_check_create(vals_list)
        if self._workflow_sequence_code:
            self._workflow_number(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._workflow_check_write(vals)
        return super().write(vals)
