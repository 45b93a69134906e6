"""A real Odoo server for the browser tests: a copy of the test template
database (demo data and the three addons), served on a free local port by the
project's launcher, and Debian's Chromium driven by Playwright."""
import os
import socket
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import requests
from rma_test_databases import copy_database, drop_database

import odoo

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHROMIUM = os.environ.get("RMA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def _free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, database, port, log):
        self.database = database
        self.url = "http://127.0.0.1:%d" % port
        self.log = log

    def log_problems(self):
        """Tracebacks, ERROR and WARNING lines the server logged."""
        lines = self.log.read_text(errors="replace").splitlines()
        return [line for line in lines if " ERROR " in line or " WARNING " in line or "Traceback" in line]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    template = os.environ.get("RMA_TEST_TEMPLATE")
    if not template:
        pytest.fail("RMA_TEST_TEMPLATE is not set: run the browser tests through make test or make e2e")
    database = "%s_web" % odoo.tools.config["db_name"]
    copy_database(template, database)
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "odoo.log"
    process = subprocess.Popen([
        sys.executable, str(ROOT / "setup" / "odoo-server"), "-c", odoo.tools.config.rcfile,
        "-d", database, "--db-filter=^%s$" % database, "--http-port=%d" % port, "--http-interface=127.0.0.1",
        "--max-cron-threads=0", "--workers=0", "--log-level=info", "--logfile=%s" % log,
    ])
    server = Server(database, port, log)
    try:
        deadline = time.time() + 120
        while True:
            # no request before the registry is loaded: a request would load it concurrently
            if log.exists() and "odoo.modules.loading: Modules loaded." in log.read_text(errors="replace"):
                try:
                    if requests.get(server.url + "/web/login", timeout=60).status_code == 200:
                        break
                except requests.RequestException:
                    pass  # not listening yet, or reset while a loaded machine starts it: ask again
            if time.time() > deadline or process.poll() is not None:
                pytest.fail("the Odoo server did not start: %s" % log.read_text(errors="replace")[-3000:])
            time.sleep(0.5)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)
        drop_database(database)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def docs():
    DOCS.mkdir(exist_ok=True)
    return DOCS
