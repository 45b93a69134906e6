#!/usr/bin/env bash
# `make bench`: the benchmarks in tests/benchmarks/ on a throw-away copy of the
# test template database; each prints SQL query counts and times.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
source "$ROOT/setup/test-db.sh"
status=0
for bench in tests/benchmarks/bench_*.py; do
    python "$bench" -c "$ODOO_CONF" -d "$TEST_DB" || status=$?
done
exit $status
