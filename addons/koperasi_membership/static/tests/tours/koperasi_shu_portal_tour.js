/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("koperasi_shu_portal_tour", {
    url: "/my/koperasi",
    steps: () => [
        {
            content: "The SHU of the year is listed",
            trigger: "table.o_koperasi_shu tr.o_koperasi_shu_row",
        },
        {
            content: "The capital share is shown",
            trigger: ".o_koperasi_shu_capital:contains(1,180,327)",
        },
        {
            content: "Download the SHU statement",
            trigger: "a.o_koperasi_shu_download",
            async run() {
                const response = await fetch(this.anchor.getAttribute("href"));
                if (!response.ok) {
                    throw new Error(`The SHU statement answered ${response.status}`);
                }
                const body = await response.text();
                if (!body.includes("o_koperasi_shu_statement") && !body.startsWith("%PDF")) {
                    throw new Error("The SHU statement was not rendered");
                }
                document.body.classList.add("o_koperasi_shu_downloaded");
            },
        },
        {
            content: "The statement was downloaded",
            trigger: "body.o_koperasi_shu_downloaded",
        },
    ],
});
