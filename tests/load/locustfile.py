"""Virtual members of the month-end rush, for locust (run by tests/bench_load.py).

Each virtual member logs in with a login of tests/load/build_members.py and
browses as a member does at month-end, with 1 to 3 seconds between pages:
the cooperative portal, the shop and a product, the Dinas site, and Odoo's
own pages beside them (/my, /contactus), so one run compares the suite's
pages with plain Odoo's. A page that answers with an error, a connection
that is refused or reset, and a member sent back to the login page (a lost
session) all count as failures.
"""

import itertools
import os
import random
import re

from locust import HttpUser, between, task

PREFIX = os.environ.get("KOPERASI_BENCH_LOGIN_PREFIX", "anggota.bench.")
MEMBERS = int(os.environ.get("KOPERASI_BENCH_MEMBERS", "60"))
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
PRODUCT_LINK = re.compile(r'href="((?:/[a-z]{2}(?:_[a-z]{2})?)?/shop/[^"/?#]+-\d+)"')
_numbers = itertools.count()


class Member(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        # An Indonesian browser: the pages in Bahasa Indonesia, the website's
        # default, with no redirection to another language's address.
        self.client.headers["Accept-Language"] = "id-ID,id;q=0.9"
        self.login = f"{PREFIX}{next(_numbers) % MEMBERS + 1:04d}"
        self.products = []
        self.logged_in = False
        self.log_in()

    def log_in(self):
        """The login form, as a browser fills it. A member whose login did
        not go through (an error page) tries again at her next page."""
        page = self.client.get("/web/login", name="/web/login")
        token = CSRF.search(page.text or "") if page.ok else None
        if not token:
            return
        with self.client.post(
            "/web/login",
            data={
                "login": self.login,
                "password": self.login,
                "csrf_token": token.group(1),
                "redirect": "/my",
            },
            name="/web/login (POST)",
            catch_response=True,
        ) as answer:
            if answer.ok and "/web/login" in answer.url:
                answer.failure(f"{self.login} was not let in")
            self.logged_in = answer.ok and "/web/login" not in answer.url

    def page(self, url, name, member_page=False):
        if member_page and not self.logged_in:
            self.log_in()
            return None
        with self.client.get(url, name=name, catch_response=True) as answer:
            if answer.ok and member_page and "/web/login" in answer.url:
                answer.failure(
                    "session lost: a logged-in member was sent back to the login page"
                )
                self.logged_in = False
            return answer

    @task(3)
    def koperasi_portal(self):
        self.page("/my/koperasi", "/my/koperasi", member_page=True)

    @task(2)
    def odoo_portal(self):
        self.page("/my", "/my (Odoo)", member_page=True)

    @task(2)
    def shop(self):
        answer = self.page("/shop", "/shop")
        if answer is not None and answer.ok and not self.products:
            self.products = sorted(set(PRODUCT_LINK.findall(answer.text or "")))

    @task(2)
    def product(self):
        if self.products:
            self.page(random.choice(self.products), "/shop/[product]")
        else:
            self.shop()

    @task(1)
    def dinas_directory(self):
        self.page("/dinas/direktori", "/dinas/direktori")

    @task(1)
    def odoo_contact(self):
        self.page("/contactus", "/contactus (Odoo)")
