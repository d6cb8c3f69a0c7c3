/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("koperasi_savings_portal_tour", {
    url: "/my/koperasi",
    steps: () => [
        {
            content: "The savings account shows its balance",
            trigger: ".o_koperasi_savings_account .o_koperasi_savings_balance:contains('1,000,000')",
        },
        {
            content: "Recent transactions are listed",
            trigger: ".o_koperasi_savings_account table td:contains('Deposit')",
        },
        {
            content: "Enter the amount to withdraw",
            trigger: "form.o_koperasi_withdrawal_form input[name='amount']",
            run: "edit 250000",
        },
        {
            content: "Enter the destination",
            trigger: "form.o_koperasi_withdrawal_form input[name='destination']",
            run: "edit BRI 1234567890 a.n. Siti",
        },
        {
            content: "Send the request",
            trigger: "form.o_koperasi_withdrawal_form .o_koperasi_withdraw_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is confirmed",
            trigger: ".o_koperasi_savings_success",
        },
        {
            content: "The request is listed as requested",
            trigger: ".o_koperasi_withdrawal_requests td:contains('Requested')",
        },
    ],
});
