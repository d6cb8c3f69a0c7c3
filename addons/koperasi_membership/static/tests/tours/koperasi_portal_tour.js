/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("koperasi_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Koperasi from the portal home",
            trigger: "a[href='/my/koperasi']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The simpanan pokok is shown",
            trigger: ".o_koperasi_capital_pokok:contains(100,000)",
        },
        {
            content: "The simpanan wajib paid is shown",
            trigger: ".o_koperasi_capital_wajib:contains(50,000)",
        },
        {
            content: "The arrears are shown",
            trigger: ".o_koperasi_arrears:contains(25,000)",
        },
        {
            content: "The dues history is listed",
            trigger: "table.o_koperasi_dues tbody tr",
        },
        {
            content: "Download the member card",
            trigger: "a.o_koperasi_card_download",
            async run() {
                const response = await fetch(this.anchor.getAttribute("href"));
                if (!response.ok) {
                    throw new Error(`The member card answered ${response.status}`);
                }
                const body = await response.text();
                if (!body.includes("o_koperasi_card") && !body.startsWith("%PDF")) {
                    throw new Error("The member card was not rendered");
                }
                document.body.classList.add("o_koperasi_card_downloaded");
            },
        },
        {
            content: "The card was downloaded",
            trigger: "body.o_koperasi_card_downloaded",
        },
    ],
});
