"""A real Odoo server for the browser tests: a copy of the test template
database (demo data and the three addons), served on a free local port by the
project's launcher, and Debian's Chromium driven by Playwright."""
import os
from pathlib import Path

import pytest
from rma_test_server import serving_template_copy

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHROMIUM = os.environ.get("RMA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    with serving_template_copy("web", tmp_path_factory.mktemp("server"), "--max-cron-threads=0",
                               "--workers=0") as server:
        yield server


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
