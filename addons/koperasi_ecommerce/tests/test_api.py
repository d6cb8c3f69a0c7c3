from odoo.tests import tagged

from odoo.addons.koperasi_membership.tests.test_api import MemberApiCase

from .common import KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestShopApi(KoperasiEcommerceCommon, MemberApiCase):
    """The shop catalogue of the member app's API."""

    def test_catalogue_with_member_prices(self):
        token = self._token(self.member_user.login)
        response = self._api(
            "GET", "/shop/products", token, params={"search": "Lele Uji", "limit": 50}
        )
        self.assertEqual(response.status_code, 200, response.text)
        products = {product["id"]: product for product in response.json()}
        self.assertIn(self.abon.id, products)
        # The member pricelist, as the shop shows it to the member.
        self.assertEqual(products[self.abon.id]["price"], 90000)
        self.assertEqual(products[self.kerupuk.id]["price"], 18000)
        self.assertEqual(products[self.abon.id]["producer"], self.producer.name)
        # A suspended member pays the shop's price.
        self.member.state = "suspended"
        self.member_user.partner_id.invalidate_recordset(["property_product_pricelist"])
        response = self._api(
            "GET", "/shop/products", token, params={"search": "Abon Lele Uji"}
        )
        self.assertEqual(response.json()[0]["price"], 100000)
        for value in ("\x00", "A" * 10000, "\uff11", "'; DROP TABLE res_users; --"):
            response = self._api(
                "GET", "/shop/products", token, params={"search": value, "limit": value}
            )
            self.assertLess(response.status_code, 500, response.text)
