"""Throw-away copies of the test template database (demo data and the
addons installed), for the tests that need a server or module operations of
their own (tests/ is on the import path of every test package)."""
import os
import shutil
from contextlib import closing

import odoo


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
