"""Odoo run as separate processes on a throw-away database, for the tests
that install, upgrade or uninstall addons (which a test inside a loaded
registry cannot do): the project's launcher with a configuration of the
test run, pointed at the addons it is given."""
import configparser
import json
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import odoo

ROOT = Path(__file__).resolve().parents[2]
RESULT_MARKER = "RMA-RESULT:"


def admin_sql(query):
    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr.autocommit(True)
        cr.execute(query)


def drop_database(name):
    odoo.sql_db.close_db(name)
    admin_sql('DROP DATABASE IF EXISTS "%s"' % name)


class OdooProcess:
    """``odoo-server`` runs on ``database`` with the addons in ``addons_dir``
    (default: the checkout's own), each logged into ``logfile``."""

    def __init__(self, database, workdir, addons_dir=ROOT):
        self.database = database
        self.workdir = Path(workdir)
        self.config = self.workdir / ("odoo-%s.conf" % Path(addons_dir).name)
        parser = configparser.ConfigParser()
        parser.read(odoo.tools.config.rcfile)
        odoo_addons = Path(odoo.addons.__file__).parent
        parser["options"]["addons_path"] = "%s,%s" % (odoo_addons, addons_dir)
        with open(self.config, "w") as handle:
            parser.write(handle)

    def run(self, *args, stdin=None, logfile=None):
        """Run the server with ``args`` on the database; stop when done."""
        command = [sys.executable, str(ROOT / "setup" / "odoo-server"), *args, "-c", str(self.config),
                   "-d", self.database, "--max-cron-threads=0", "--workers=0"]
        if logfile:
            command.append("--logfile=%s" % logfile)
        process = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=900)
        assert process.returncode == 0, "odoo-server %s failed:\n%s\n%s" % (
            " ".join(args), process.stdout[-3000:], process.stderr[-3000:])
        return process

    def install(self, addons, logfile):
        return self.run("-i", addons, "--without-demo=all", "--stop-after-init", logfile=logfile)

    def update(self, addons, logfile):
        return self.run("-u", addons, "--stop-after-init", logfile=logfile)

    def shell(self, script):
        """Run ``script`` in ``odoo shell`` (``env`` is the superuser's) and
        return what it printed with ``result(value)``, decoded from JSON."""
        prelude = "import json\ndef result(value):\n    print(%r + json.dumps(value))\n" % RESULT_MARKER
        process = self.run("shell", "--log-level=warn", stdin=prelude + script)
        for line in process.stdout.splitlines():
            if line.startswith(RESULT_MARKER):
                return json.loads(line[len(RESULT_MARKER):])
        raise AssertionError("the script printed no result:\n%s\n%s" % (process.stdout[-3000:], process.stderr[-3000:]))


def log_problems(logfile):
    """ERROR and CRITICAL lines and tracebacks of a server log."""
    lines = Path(logfile).read_text(errors="replace").splitlines()
    return [line for line in lines if " ERROR " in line or " CRITICAL " in line or "Traceback" in line]
