/** @odoo-module **/

import { registry } from "@web/core/registry";
import * as tourUtils from "@website_sale/js/tours/tour_utils";

registry.category("web_tour.tours").add("koperasi_member_price", {
    steps: () => [
        {
            content: "The member price badge is shown",
            trigger: ".o_koperasi_member_price",
        },
        {
            content: "The price is the member price (10% below the shop price)",
            trigger: "#product_details .oe_price .oe_currency_value:contains(/^90,000.00$/)",
        },
    ],
});

/**
 * A shopper puts the product page's product in the cart, pays by bank
 * transfer (the page names the account ``paidTo`` when given) and uploads
 * the proof of payment on the order.
 */
function transferCheckoutSteps(paidTo) {
    return [
        {
            content: "Add the product to the cart",
            trigger: '#product_detail form[action^="/shop/cart/update"] #add_to_cart',
            run: "click",
        },
        tourUtils.goToCart({ quantity: 1 }),
        tourUtils.goToCheckout(),
        tourUtils.confirmOrder(),
        {
            content: "Pay by bank transfer",
            trigger: 'input[name="o_payment_radio"][data-payment-method-code="wire_transfer"]',
            run: "click",
        },
        ...tourUtils.pay(),
        {
            content: "Go to my quotations",
            trigger: paidTo
                ? `.oe_website_sale_tx_status:contains("${paidTo}")`
                : ".oe_website_sale_tx_status",
            timeout: 30000,
            run() {
                window.location.href = "/my/quotes";
            },
            expectUnloadPage: true,
        },
        {
            content: "Open the order",
            trigger: 'a[href*="/my/orders/"]:not([href*="payment_proof"])',
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Choose the proof of payment",
            trigger: "input.o_koperasi_proof_input",
            run() {
                const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "bukti-transfer.png", { type: "image/png" }));
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Send it",
            trigger: "button.o_koperasi_proof_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The proof was received",
            trigger: ".o_koperasi_proof_sent",
        },
        {
            content: "The order waits for verification",
            trigger: ".o_koperasi_proof_to_verify",
        },
    ];
}

registry.category("web_tour.tours").add("koperasi_transfer_checkout", {
    steps: () => transferCheckoutSteps("0123-01-000999-30-1"),
});

registry.category("web_tour.tours").add("koperasi_shopper_buys_catfish", {
    steps: () => transferCheckoutSteps(),
});

registry.category("web_tour.tours").add("koperasi_verify_proof", {
    steps: () => [
        {
            content: "Open the order waiting for verification",
            trigger: ".o_list_view .o_data_row:first .o_data_cell",
            run: "click",
        },
        {
            content: "Confirm the payment",
            trigger: 'button[name="action_koperasi_proof_confirm"]',
            run: "click",
        },
        {
            content: "Agree",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The order is confirmed and paid",
            trigger: '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="sale"]',
        },
    ],
});
