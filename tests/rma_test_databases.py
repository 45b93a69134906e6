"""Throw-away databases for the tests that need a server or module
operations of their own (tests/ is on the import path of every test
package): copies of the test template database, and the project's launcher
run on them as separate processes (installing, upgrading or uninstalling
addons reloads the registry, which a test inside a loaded one cannot do)."""
import configparser
import json
import os
import shutil
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import odoo

ROOT = Path(__file__).resolve().parents[1]
RESULT_MARKER = "RMA-RESULT:"


def admin_sql(query):
    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr.autocommit(True)
        cr.execute(query)


def copy_database(template, name):
    """``name`` becomes a fresh copy of ``template``, filestore included."""
    admin_sql('DROP DATABASE IF EXISTS "%s"' % name)
    admin_sql('CREATE DATABASE "%s" TEMPLATE "%s"' % (name, template))
    source, target = odoo.tools.config.filestore(template), odoo.tools.config.filestore(name)
    shutil.rmtree(target, ignore_errors=True)
    if os.path.isdir(source):
        shutil.copytree(source, target)


def drop_database(name):
    odoo.sql_db.close_db(name)
    admin_sql('DROP DATABASE IF EXISTS "%s"' % name)
    shutil.rmtree(odoo.tools.config.filestore(name), ignore_errors=True)


def log_problems(log, warnings=False):
    """The ERROR and CRITICAL lines and tracebacks of a server log (and its
    WARNING lines and failed deletions if ``warnings``)."""
    markers = [" ERROR ", " CRITICAL ", "Traceback"] + ([" WARNING ", "Unable to delete"] if warnings else [])
    return [line for line in log.splitlines() if any(marker in line for marker in markers)]


class OdooProcess:
    """The launcher run on ``database``, with the test run's configuration or,
    given ``addons_dir`` (and a ``workdir`` for the configuration file), with
    the RMA addons of that directory instead of the checkout's."""

    def __init__(self, database, addons_dir=None, workdir=None):
        self.database = database
        self.config = odoo.tools.config.rcfile
        if addons_dir:
            parser = configparser.ConfigParser()
            parser.read(self.config)
            parser["options"]["addons_path"] = "%s,%s" % (Path(odoo.addons.__file__).parent, addons_dir)
            self.config = str(Path(workdir) / ("odoo-%s.conf" % Path(addons_dir).name))
            with open(self.config, "w") as handle:
                parser.write(handle)

    def run(self, *args, command=(), stdin=None):
        """Run the launcher (``command``: e.g. ``["shell"]``) with ``args``;
        it must succeed. Returns what it printed and logged."""
        process = subprocess.run(
            [sys.executable, str(ROOT / "setup" / "odoo-server"), *command, "-c", self.config,
             "-d", self.database, "--no-http", "--max-cron-threads=0", *args],
            input=stdin, capture_output=True, text=True, timeout=900, check=False,
        )
        output = process.stdout + process.stderr
        assert process.returncode == 0, "odoo-server %s failed:\n%s" % (" ".join(args), output[-3000:])
        return output

    def install(self, addons):
        return self.run("-i", addons, "--without-demo=all", "--stop-after-init", "--log-level=warn")

    def update(self, addons):
        return self.run("-u", addons, "--stop-after-init", "--log-level=warn")

    def shell(self, script, log_level="warn"):
        """Run ``script`` in an Odoo shell (``env`` is the superuser's, and
        ``result(value)`` hands a JSON value back): ``(value, log)``."""
        prelude = "import json\ndef result(value):\n    print(%r + json.dumps(value))\n" % RESULT_MARKER
        log = self.run("--log-level=%s" % log_level, command=["shell"], stdin=prelude + script)
        results = [line[len(RESULT_MARKER):] for line in log.splitlines() if line.startswith(RESULT_MARKER)]
        return (json.loads(results[-1]) if results else None), log
