/** @odoo-module **/

import publicWidget from "@web/legacy/js/public/public_widget";
import { rpc } from "@web/core/network/rpc";
import { _t } from "@web/core/l10n/translation";

const formatRupiah = (value) => new Intl.NumberFormat("id-ID").format(value);

publicWidget.registry.KoperasiLoanSimulation = publicWidget.Widget.extend({
    selector: ".o_koperasi_loan_apply_form",
    events: {
        "input input[name='amount']": "_onChange",
        "input input[name='term_months']": "_onChange",
        "change select[name='product_id']": "_onChange",
    },

    start() {
        // Only the reply to the latest input is shown: a slower reply to an
        // earlier keystroke ("1" of "12") must not overwrite it.
        this._simulationRequest = 0;
        this._onChange();
        return this._super(...arguments);
    },

    async _onChange() {
        const form = this.el;
        const amount = form.querySelector("input[name='amount']").value;
        const term = form.querySelector("input[name='term_months']").value;
        const productId = form.querySelector("select[name='product_id']").value;
        const target = form.querySelector(".o_koperasi_loan_simulation");
        const request = ++this._simulationRequest;
        if (!amount || !term || !productId) {
            target.replaceChildren();
            return;
        }
        const result = await rpc("/my/koperasi/pinjaman/simulasi", {
            product_id: productId,
            amount: amount,
            term_months: term,
        });
        if (request !== this._simulationRequest) {
            return;
        }
        target.replaceChildren();
        if (result.error) {
            const alert = document.createElement("div");
            alert.className = "alert alert-warning o_koperasi_loan_sim_error";
            alert.textContent = result.error;
            target.appendChild(alert);
            return;
        }
        const table = document.createElement("table");
        table.className = "table table-sm o_koperasi_loan_sim_table";
        const head = table.createTHead().insertRow();
        for (const label of [_t("#"), _t("Due Date"), _t("Principal"), _t("Interest"), _t("Instalment")]) {
            const th = document.createElement("th");
            th.textContent = label;
            head.appendChild(th);
        }
        const body = table.createTBody();
        for (const line of result.lines) {
            const row = body.insertRow();
            row.className = "o_koperasi_loan_sim_line";
            for (const value of [
                line.sequence,
                line.due_date,
                formatRupiah(line.principal),
                formatRupiah(line.interest),
                formatRupiah(line.amount),
            ]) {
                row.insertCell().textContent = value;
            }
        }
        target.appendChild(table);
    },
});
