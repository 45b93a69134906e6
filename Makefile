# The two commands: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help run test upgrade-test e2e bench load lint readme pot upstream-tests stop-db clean

help:
	@echo "make run             set up, create the rma_demo database once, serve http://localhost:8069 (admin/admin)"
	@echo "make test            set up, fresh test database, all tests and linters"
	@echo "make upgrade-test    only the upgrade tests (tests/test_upgrade): earlier commits' databases upgraded"
	@echo "make e2e             only the browser tests (tests/test_web), screenshots into docs/"
	@echo "make bench           SQL query counts and times of the RMA flows (tests/benchmarks)"
	@echo "make load            RMA lifecycles by 4 JSON-RPC clients for 40 s against 1 and 2 prefork workers and"
	@echo "                     2 servers (RMA_LOAD_SECONDS, RMA_LOAD_CLIENTS, RMA_LOAD_MAX), then a database check"
	@echo "make lint            pylint-odoo (OCA mandatory checks) and ruff"
	@echo "make readme          rebuild the addons' README.rst from their readme/ fragments"
	@echo "make pot             export the addons' translation templates (i18n/*.pot)"
	@echo "make upstream-tests  Odoo's own sale, stock, account, sale_stock tests under the compatibility layer"
	@echo "make stop-db         stop the private PostgreSQL cluster"

run:
	@setup/run.sh

test:
	@setup/test.sh

upgrade-test:
	@setup/test.sh tests/test_upgrade

e2e:
	@setup/test.sh tests/test_web

bench:
	@setup/bench.sh

load:
	@setup/load.sh

lint:
	@setup/bootstrap.sh && setup/lint.sh

readme:
	@setup/bootstrap.sh && .venv/bin/python setup/gen_readme.py

pot:
	@setup/pot.sh

upstream-tests:
	@setup/upstream-tests.sh

stop-db:
	@setup/postgres.sh stop

clean:
	@setup/postgres.sh remove
	rm -rf .venv .run
