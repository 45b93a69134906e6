"""Odoo in prefork mode (``--workers``) under Python 3.11: the workers start
and serve the returns flow to several clients at once, and long polling runs
on its own port, as ``RMA_WORKERS=2 make run`` serves it."""
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from rma_test_server import JsonRpc, free_port, serving_template_copy

CLIENTS = 6


@pytest.fixture(scope="module")
def prefork(tmp_path_factory):
    longpolling_port = free_port()
    with serving_template_copy("prefork", tmp_path_factory.mktemp("prefork"), "--workers=2", "--max-cron-threads=1",
                               "--longpolling-port=%d" % longpolling_port) as server:
        server.longpolling_url = "http://127.0.0.1:%d" % longpolling_port
        yield server


def _return_one_unit(admin, partner, product):
    """One client's request for a return of one unit, confirmed: its number and state."""
    rma = admin("rma.order", "create", {
        "partner_id": partner,
        "line_ids": [(0, 0, {"product_id": product, "product_uom_qty": 1.0,
                             "reason_id": admin.ref("rma_management.rma_reason_defective")})],
    })
    admin("rma.order", "action_confirm", [rma])
    return admin("rma.order", "read", [rma], ["name", "state"])[0]


def test_the_workers_serve_clients_at_once(prefork):
    admin = JsonRpc(prefork, "admin", "admin")
    partner = admin.ref("base.res_partner_2")
    product = admin("product.product", "search", [("type", "=", "consu"), ("rma_returnable", "=", True)], limit=1)[0]
    with ThreadPoolExecutor(CLIENTS) as pool:
        rmas = list(pool.map(lambda _client: _return_one_unit(admin, partner, product), range(CLIENTS)))
    assert len({rma["name"] for rma in rmas}) == CLIENTS, "one number each"
    assert {rma["state"] for rma in rmas} <= {"to_approve", "approved"}
    log = prefork.log_text()
    served_by = {line.split()[2] for line in log.splitlines() if "/jsonrpc HTTP" in line}
    assert len(served_by) == 2, "both HTTP workers answered: %s" % served_by
    assert log.count("Worker WorkerHTTP") >= 2 and "unregistered" not in log, log[-3000:]
    assert prefork.log_problems() == []


def test_long_polling_answers_on_its_own_port(prefork):
    session = requests.Session()
    login = session.post(prefork.url + "/web/session/authenticate", json={"jsonrpc": "2.0", "params": {
        "db": prefork.database, "login": "admin", "password": "admin"}}, timeout=60).json()
    assert login["result"]["uid"]
    JsonRpc(prefork, "admin", "admin")("bus.bus", "sendone", "rma-prefork-test", {"rma": "ready"})
    poll = session.post(prefork.longpolling_url + "/longpolling/poll", json={"jsonrpc": "2.0", "params": {
        "channels": ["rma-prefork-test"], "last": 0}}, timeout=60).json()
    # the user's own channels come too (the activities of the RMAs above)
    assert [notification["message"] for notification in poll["result"]
            if notification["channel"] == "rma-prefork-test"] == [{"rma": "ready"}]
