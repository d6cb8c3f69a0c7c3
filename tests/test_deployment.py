"""The production deployment, used as members use it: scripts/serve.sh with
two Odoo nodes in prefork mode behind nginx, on the showcase database of the
test command (its --odoo-config and --odoo-database).

A member logs in through the proxy and reads her portal; the static files
come from the proxy's cache and the asset bundles from the filestore by
nginx; the bus answers on /websocket; each node listens with a queue that
holds a month-end rush; and when the node that served her stops, she goes on
on the other one, still logged in.
"""

import configparser
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from bench_support import serving

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")),
    reason="Debian package nginx-light",
)


def free_port(span=1):
    """A port with ``span`` free ports from it, on loopback."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + span > 65000:
            continue
        try:
            for port in range(base, base + span):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def deployment(request, tmp_path_factory):
    conf_path = request.config.getoption("--odoo-config")
    database = request.config.getoption("--odoo-database")
    if not conf_path or not database:
        pytest.skip("needs the showcase database of the test command")
    conf = configparser.ConfigParser()
    conf.read(conf_path)
    run = tmp_path_factory.mktemp("serve")
    node_port = free_port(6)
    with serving(
        database,
        conf["options"],
        run,
        conf["options"]["data_dir"],
        2,
        2,
        free_port(),
        node_port - 2,
    ) as url:
        yield {"url": url, "run": run, "node_port": node_port}


def log_in(url, login):
    session = requests.Session()
    page = session.get(f"{url}/web/login", timeout=60)
    token = re.search(r'name="csrf_token"\s+value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{url}/web/login",
        data={
            "login": login,
            "password": login,
            "csrf_token": token,
            "redirect": "/my/koperasi",
        },
        timeout=60,
    )
    assert answer.status_code == 200 and "/web/login" not in answer.url, answer.url
    return session


PORTAL_SERVED = re.compile(r'"GET (/[a-z_]+)?/my/koperasi HTTP/1\.[01]" 200 ')


def served(run, node):
    """How many portal pages the node answered, by its own log."""
    return len(PORTAL_SERVED.findall((run / f"node-{node}.log").read_text()))


def portal(session, url):
    answer = session.get(f"{url}/my/koperasi", timeout=60)
    assert answer.status_code == 200
    assert "/web/login" not in answer.url, "the member was sent back to the login page"
    assert "Siti Aminah" in answer.text
    return answer


def test_nodes_listen_with_a_queue_for_the_rush(deployment):
    """Odoo's own queue is 8 connections a worker; the nodes hold more, so a
    request waits for a worker instead of being reset."""
    listening = subprocess.run(
        ["ss", "-ltnH"], capture_output=True, text=True, check=True
    ).stdout
    for port in (deployment["node_port"], deployment["node_port"] + 2):
        queue = [
            int(line.split()[2])
            for line in listening.splitlines()
            if line.split()[3].endswith(f":{port}")
        ]
        assert queue, f"node port {port} is not listening"
        assert queue[0] >= 128, f"node port {port} queues only {queue[0]} connections"


def test_the_proxy_serves_static_files_and_assets(deployment):
    url = deployment["url"]
    first = requests.get(f"{url}/web/static/img/favicon.ico", timeout=30)
    again = requests.get(f"{url}/web/static/img/favicon.ico", timeout=30)
    assert first.status_code == again.status_code == 200
    assert again.headers.get("X-Cache-Status") == "HIT"
    bundle = re.search(
        r'href="(/web/assets/[^"]+\.css)"',
        requests.get(f"{url}/web/login", timeout=60).text,
    )
    assert bundle
    answer = requests.get(url + bundle.group(1), timeout=60)
    assert answer.status_code == 200 and len(answer.content) > 1000
    # Sent by nginx from the filestore (Odoo answered with X-Accel-Redirect):
    # nginx's ETag (modification time-size, in hex), not werkzeug's.
    assert re.fullmatch(
        r'(W/)?"[0-9a-f]+-[0-9a-f]+"', answer.headers.get("ETag", "")
    ), answer.headers


def test_the_bus_answers_through_the_proxy(deployment):
    import websocket

    url = deployment["url"].replace("http://", "ws://")
    bus = websocket.create_connection(
        f"{url}/websocket", header=[f"Origin: {deployment['url']}"], timeout=30
    )
    try:
        assert bus.status == 101
    finally:
        bus.close()


def test_a_member_goes_on_when_a_node_stops(deployment):
    url, run = deployment["url"], deployment["run"]
    member = log_in(url, "siti.aminah")
    for _ in range(4):
        portal(member, url)
    shares = {node: served(run, node) for node in (1, 2)}
    # The node that served her stops (as a node is restarted or fails).
    gone = max(shares, key=shares.get)
    other = 3 - gone
    assert shares[gone], shares
    os.kill(int((run / f"node-{gone}.pid").read_text()), signal.SIGTERM)
    for _ in range(60):
        if not (run / f"node-{gone}.pid").exists():
            break
        time.sleep(0.5)
    before = served(run, other)
    for _ in range(6):
        portal(member, url)
    # The other node served her next pages, with the session the stopped
    # node had opened: she is still logged in.
    assert served(run, other) == before + 6
