import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("dinas_portal_letter_request", {
    url: "/my/surat",
    steps: () => [
        {
            content: "Open the new request form",
            trigger: "a.o_dinas_new_letter",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Choose the letter type",
            trigger: "select[name='letter_type_id']",
            run: "selectByLabel Surat Pengantar Tur",
        },
        {
            content: "Write the purpose",
            trigger: "input[name='purpose']",
            run: "edit Pengajuan kredit modal kerja",
        },
        {
            content: "Write the details",
            trigger: "textarea[name='details']",
            run: "edit <script>alert(1)</script> plafon 500 juta",
        },
        {
            content: "Submit the request",
            trigger: "button.o_dinas_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is submitted",
            trigger: ".o_dinas_letter_detail .dinas_letter_state:contains('Submitted')",
        },
    ],
});

registry.category("web_tour.tours").add("dinas_portal_letter_download", {
    url: "/my/surat",
    steps: () => [
        {
            content: "Open the issued letter",
            trigger: "a:contains('PS/')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The letter is issued with its number",
            trigger: ".o_dinas_letter_detail .o_dinas_number:contains('/DKUPP/')",
        },
        {
            content: "The download button is offered",
            trigger: "a.o_dinas_download[href*='report_type=pdf']",
        },
    ],
});
