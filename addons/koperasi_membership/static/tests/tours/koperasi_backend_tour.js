/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("koperasi_backend_tour", {
    steps: () => [
        {
            content: "The members list is shown",
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Switch to the kanban view",
            trigger: "button.o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Open a member card",
            trigger: ".o_kanban_record:contains(Anggota Tur)",
            run: "click",
        },
        {
            content: "The member form shows the capital",
            trigger: ".o_form_view .o_notebook a:contains(Capital)",
            run: "click",
        },
        {
            content: "The capital amounts are there",
            trigger: ".o_form_view div[name=capital_total]:contains(100,000)",
        },
        {
            content: "Open the exit settlement",
            trigger: "button[name=action_open_settle]",
            run: "click",
        },
        {
            content: "The settlement shows the refund",
            trigger: ".modal div[name=refund_amount]:contains(100,000)",
        },
        {
            content: "Close the wizard",
            trigger: ".modal .modal-footer .btn-secondary",
            run: "click",
        },
        {
            content: "Back on the form",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
    ],
});
