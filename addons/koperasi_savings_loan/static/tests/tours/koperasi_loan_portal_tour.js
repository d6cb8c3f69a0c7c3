/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("koperasi_loan_apply_tour", {
    url: "/my/koperasi/pinjaman/ajukan",
    steps: () => [
        {
            content: "Enter the amount",
            trigger: ".o_koperasi_loan_apply_form input[name='amount']",
            run: "edit 12000000",
        },
        {
            content: "Enter the term",
            trigger: ".o_koperasi_loan_apply_form input[name='term_months']",
            run: "edit 12",
        },
        {
            content: "The live simulation shows the first interest of 120,000",
            trigger: ".o_koperasi_loan_sim_table tr.o_koperasi_loan_sim_line:first td:contains('120.000')",
        },
        {
            content: "Twelve instalments are simulated",
            trigger: ".o_koperasi_loan_sim_table tr.o_koperasi_loan_sim_line:eq(11)",
        },
        {
            content: "Submit the application",
            trigger: ".o_koperasi_loan_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The application is submitted",
            trigger: ".o_koperasi_portal_loan .o_koperasi_loan_state:contains('Submitted')",
        },
    ],
});

registry.category("web_tour.tours").add("koperasi_loan_schedule_tour", {
    url: "/my/koperasi",
    steps: () => [
        {
            content: "Open the loan from My Koperasi",
            trigger: "#koperasi_loans a[href^='/my/koperasi/pinjaman/']:not([href$='ajukan'])",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The schedule shows a paid instalment",
            trigger: ".o_koperasi_loan_schedule tbody tr:first td:contains('Paid')",
        },
        {
            content: "The schedule shows an overdue instalment",
            trigger: ".o_koperasi_loan_schedule tbody tr:eq(1) td:contains('Overdue')",
        },
        {
            content: "The outstanding principal is shown",
            trigger: ".o_koperasi_loan_outstanding",
        },
    ],
});
