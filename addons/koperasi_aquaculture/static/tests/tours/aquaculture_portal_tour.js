/** @odoo-module **/

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("koperasi_aquaculture_portal", {
    url: "/my/kolam",
    steps: () => [
        {
            content: "Open my pond",
            trigger: "a.o_aquaculture_pond_card:contains('Kolam Terpal Bu Ani')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Type the feed quantity",
            trigger: "form.o_aquaculture_form_feeding input[name='quantity']",
            run: "edit 2.5",
        },
        {
            content: "Save the feeding",
            trigger: "form.o_aquaculture_form_feeding button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The feeding is recorded",
            trigger: ".o_aquaculture_logged",
        },
        {
            content: "Open the mortality form",
            trigger: "button[data-bs-target='#form_mortality']",
            run: "click",
        },
        {
            content: "Type the dead fish",
            trigger: "form.o_aquaculture_form_mortality input[name='mortality_count']:visible",
            run: "edit 5",
        },
        {
            content: "Save the mortality",
            trigger: "form.o_aquaculture_form_mortality button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The mortality is recorded",
            trigger: ".o_aquaculture_logs tbody tr:contains('Mortality')",
        },
    ],
});
