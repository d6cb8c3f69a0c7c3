/** @odoo-module **/

import { registry } from "@web/core/registry";

// A 2x2 PNG: the form checks the type of the upload by its content.
const KTP_PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg==";

registry.category("web_tour.tours").add("koperasi_registration_tour", {
    url: "/koperasi/daftar",
    steps: () => [
        {
            content: "Fill in the name",
            trigger: "form.o_koperasi_registration_form input[name=name]",
            run: "edit Wulan Sari",
        },
        {
            content: "Fill in the NIK",
            trigger: "input[name=nik]",
            run: "edit 3513105512930077",
        },
        {
            content: "Fill in the email",
            trigger: "input[name=email]",
            run: "edit wulan.sari@example.com",
        },
        {
            content: "Fill in the phone",
            trigger: "input[name=phone]",
            run: "edit +62 812 0000 7777",
        },
        {
            content: "Choose the gender",
            trigger: "select[name=gender]",
            run: "select female",
        },
        {
            content: "Attach the ID card photo",
            trigger: "input[name=id_photo]",
            run() {
                const bytes = Uint8Array.from(atob(KTP_PNG), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "ktp.png", { type: "image/png" }));
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Send the application",
            trigger: "button.o_koperasi_registration_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The application is received",
            trigger: ".o_koperasi_registration_done h1",
        },
    ],
});
