"""A real Odoo server of the project's launcher, on a free local port, for the
tests that talk to it over HTTP (browser tests, prefork workers)."""
import itertools
import os
import socket
import subprocess
import sys
import time
from contextlib import closing, contextmanager

import pytest
import requests
from rma_test_databases import ROOT, copy_database, drop_database

import odoo

_ids = itertools.count(1)


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, database, port, log):
        self.database = database
        self.url = "http://127.0.0.1:%d" % port
        self.log = log

    def log_text(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def log_problems(self):
        """Tracebacks, ERROR and WARNING lines the server logged."""
        return [line for line in self.log_text().splitlines()
                if " ERROR " in line or " WARNING " in line or "Traceback" in line]


@contextmanager
def running_server(database, log, *options):
    """Serve ``database`` with the launcher and ``options`` until the block
    ends; the server answers /web/login when the block starts."""
    port = free_port()
    process = subprocess.Popen([
        sys.executable, str(ROOT / "setup" / "odoo-server"), "-c", odoo.tools.config.rcfile,
        "-d", database, "--db-filter=^%s$" % database, "--http-port=%d" % port, "--http-interface=127.0.0.1",
        "--log-level=info", "--logfile=%s" % log, *options,
    ])
    server = Server(database, port, log)
    try:
        deadline = time.time() + 120
        while True:
            # no request before the registry is loaded: a request would load it concurrently
            if "odoo.modules.loading: Modules loaded." in server.log_text():
                try:
                    if requests.get(server.url + "/web/login", timeout=60).status_code == 200:
                        break
                except requests.RequestException:
                    pass  # not listening yet, or reset while a loaded machine starts it: ask again
            if time.time() > deadline or process.poll() is not None:
                pytest.fail("the Odoo server did not start: %s" % server.log_text()[-3000:])
            time.sleep(0.5)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def serving_template_copy(name, log_dir, *options):
    """A copy of the test template database (``RMA_TEST_TEMPLATE``) named
    after the test run's database and ``name``, served with ``options`` (see
    ``running_server``) until the block ends, then dropped."""
    template = os.environ.get("RMA_TEST_TEMPLATE")
    if not template:
        pytest.fail("RMA_TEST_TEMPLATE is not set: run these tests through make test or make e2e (setup/test.sh)")
    database = "%s_%s" % (odoo.tools.config["db_name"], name)
    copy_database(template, database)
    try:
        with running_server(database, log_dir / "odoo.log", *options) as server:
            yield server
    finally:
        drop_database(database)


class JsonRpc:
    """Calls model methods as a user, like an integrator would."""

    def __init__(self, server, login, password):
        self.url = server.url + "/jsonrpc"
        self.database = server.database
        self.password = password
        self.uid = self._call("common", "login", self.database, login, password)
        assert self.uid, "cannot log in as %s" % login

    def _call(self, service, method, *args):
        response = requests.post(self.url, json={
            "jsonrpc": "2.0", "method": "call", "id": next(_ids),
            "params": {"service": service, "method": method, "args": args},
        }, timeout=120).json()
        if "error" in response:
            raise AssertionError(response["error"]["data"]["message"])
        return response.get("result")  # Odoo leaves "result" out when a method returns None

    def __call__(self, model, method, *args, **kwargs):
        return self._call("object", "execute_kw", self.database, self.uid, self.password, model, method, args, kwargs)

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        return self("ir.model.data", "xmlid_to_res_id", "%s.%s" % (module, name))


def deliver_and_invoice(admin, order):
    """Confirm a sales order, deliver all of it and open its invoice, over JSON-RPC: the delivery pickings' ids."""
    admin("sale.order", "action_confirm", [order])
    picking_ids = admin("sale.order", "read", [order], ["picking_ids"])[0]["picking_ids"]
    set_all_done(admin, picking_ids)
    admin("stock.picking", "button_validate", picking_ids)
    admin("account.invoice", "action_invoice_open", admin("sale.order", "action_invoice_create", [order]))
    return picking_ids


def set_all_done(admin, picking_ids):
    """Every move of the pickings done for its whole quantity (not validated yet): the moves read."""
    moves = admin("stock.move", "search_read", [("picking_id", "in", picking_ids)], ["product_uom_qty"])
    for move in moves:
        admin("stock.move", "write", [move["id"]], {"quantity_done": move["product_uom_qty"]})
    return moves
