"""Odoo's own command (odoo-bin) for a node behind the proxy of scripts/serve.sh
and docker-compose.yml, with one setting Odoo has no option for: the length
of the listen queue of its prefork server.

Odoo's prefork master listens with a queue of 8 connections per worker (16
for 2 workers). At month-end, hundreds of members ask at once; nginx holds
them and opens a connection to the node for each waiting request. Past the
16th, the kernel drops the handshake, and a request that stays unaccepted
for a minute is reset: a "502 Bad Gateway" for a member who only had to
wait. With the system's maximum queue (net.core.somaxconn), every request
waits in line for a free worker, in order, and is answered.

Everything else is Odoo's command as it is: `python3 odoo_node.py -c CONF`.
"""

import os
import socket

# As odoo-bin does: the server's own clock in UTC, before `time` is imported.
os.environ["TZ"] = "UTC"

from odoo.cli.command import main
from odoo.service import server

_odoo_start = server.PreforkServer.start


def start(self):
    _odoo_start(self)
    if self.socket:
        self.socket.listen(socket.SOMAXCONN)


server.PreforkServer.start = start

if __name__ == "__main__":
    main()
