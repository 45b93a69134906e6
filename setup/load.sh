#!/usr/bin/env bash
# `make load`: the load test (tests/benchmarks/load.py) on a throw-away copy of
# the test template database: RMA lifecycles by concurrent JSON-RPC clients
# against one prefork worker, two workers, then two servers; loopback only.
# RMA_LOAD_SECONDS (per setup, default 40), RMA_LOAD_CLIENTS (default 4) and
# RMA_LOAD_MAX (lifecycles per setup, default 400) bound it.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
source "$ROOT/setup/test-db.sh"
"$VENV/bin/python" tests/benchmarks/load.py -c "$ODOO_CONF" -d "$TEST_DB" "$@"
