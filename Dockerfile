# The official Odoo 18.0 image with the Python dependencies of the suite and
# the OCA addons it builds on (requirements-oca.txt, installed with --no-deps
# because they require the `odoo` distribution, which the package index does
# not publish). docker-compose.yml builds it once as koperasi-odoo:18.0.
FROM odoo:18.0
USER root
COPY requirements.txt requirements-oca.txt /tmp/koperasi/
RUN pip3 install --no-cache-dir --break-system-packages -r /tmp/koperasi/requirements.txt \
    && pip3 install --no-cache-dir --break-system-packages --no-deps -r /tmp/koperasi/requirements-oca.txt \
    && rm -rf /tmp/koperasi
USER odoo
