"""The machinery of the upgrade tests: the addons of an earlier commit taken
from the project's history (``git archive``), installed once per commit on a
throw-away database, and copies of that database given data by the earlier
code, then upgraded by the checkout's addons as ``odoo -u`` does in production.

Test modules that start from the same commit and addons share one install
(the slow part): each copies it before giving it its own data."""
import subprocess
import tarfile

import pytest
from rma_test_databases import ROOT, OdooProcess, copy_database, drop_database

import odoo

#: the RMA addons, in the order they depend on each other
ADDONS = ("rma_management", "rma_management_stock", "rma_management_account", "rma_management_stock_account")


@pytest.fixture(scope="session")
def previous_install(tmp_path_factory):
    """``previous_install(commit, addons)``: a database with ``addons``
    installed at ``commit`` (no demo data), made once per session, and the
    folder of that commit's addons: ``(database, addons_dir, workdir)``."""
    workdir = tmp_path_factory.mktemp("previous")
    installs = {}

    def install(commit, addons):
        if (commit, addons) not in installs:
            addons_dir = workdir / commit
            if not addons_dir.exists():
                _extract(commit, addons_dir)
            database = "%s_previous_%d" % (odoo.tools.config["db_name"], len(installs))
            drop_database(database)
            installs[commit, addons] = database
            OdooProcess(database, addons_dir, workdir).install(addons)
        return installs[commit, addons], workdir / commit, workdir

    yield install
    for database in installs.values():
        drop_database(database)


def _extract(commit, target):
    """The RMA addons of ``commit`` into the folder ``target``."""
    target.mkdir()
    archive = target.with_suffix(".tar")
    git = subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), commit, *ADDONS],
                         capture_output=True, text=True)
    if git.returncode:
        pytest.fail("the previous version %s is not in this clone's history: %s" % (commit, git.stderr))
    with tarfile.open(archive) as tar:
        tar.extractall(target)


@pytest.fixture(scope="module")
def upgrade(request, previous_install):
    """``upgrade(commit, install, data_script, update)``: a copy of the install
    of ``install`` at ``commit``, given data by running ``data_script`` in that
    version's shell, then upgraded with ``-u update``. Returns ``(new, data,
    upgrade_log, old)``: the launchers of the checkout (``new``) and of the
    previous version (``old``) on that database, and what the script handed
    back. The databases are dropped after the test module."""
    databases = []
    prefix = "%s_upgrade_%s" % (odoo.tools.config["db_name"], request.module.__name__.rsplit(".", 1)[-1][:20])

    def run(commit, install, data_script, update):
        template, addons_dir, workdir = previous_install(commit, install)
        database = "%s_%d" % (prefix, len(databases))
        databases.append(database)
        copy_database(template, database)
        data, _log = OdooProcess(database, addons_dir, workdir).shell(data_script)
        upgrade_log = OdooProcess(database).update(update)
        return OdooProcess(database), data, upgrade_log

    yield run
    for database in databases:
        drop_database(database)
