/** @odoo-module **/

import { registry } from "@web/core/registry";
import * as tourUtils from "@website_sale/js/tours/tour_utils";

function courier(name) {
    return `li[name="o_delivery_method"]:has(label.o_delivery_carrier_label:contains("${name}"))`;
}

/**
 * A shopper in Probolinggo buys the product page's product, compares the
 * couriers at checkout and ships it with SiCepat (7,000 for 1 kg).
 */
registry.category("web_tour.tours").add("koperasi_shipping_checkout", {
    steps: () => [
        {
            content: "Add the product to the cart",
            trigger: '#product_detail form[action^="/shop/cart/update"] #add_to_cart',
            run: "click",
        },
        tourUtils.goToCart({ quantity: 1 }),
        tourUtils.goToCheckout(),
        {
            content: "J&T is the cheapest courier",
            trigger: `${courier("J&T EZ")} .o_koperasi_cheapest`,
        },
        {
            content: "SiCepat is the fastest courier",
            trigger: `${courier("SiCepat REG")} .o_koperasi_fastest`,
        },
        {
            content: "SiCepat's price is shown",
            trigger: `${courier("SiCepat REG")} .o_wsale_delivery_price_badge .oe_currency_value:contains(/^7,000.00$/)`,
        },
        {
            content: "Ship with SiCepat",
            trigger: `${courier("SiCepat REG")} input[name="o_delivery_radio"]:not(:disabled)`,
            run: "click",
        },
        {
            content: "The delivery is on the order",
            trigger: "#order_delivery .oe_currency_value:contains(/^7,000.00$/)",
        },
        {
            content: "The total includes it",
            trigger: "#order_total .oe_currency_value:contains(/^107,000.00$/)",
        },
        {
            content: "The order can be confirmed",
            trigger: 'a[name="website_sale_main_button"]:not(.disabled)',
        },
    ],
});
