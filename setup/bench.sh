#!/usr/bin/env bash
# `make bench`: the benchmarks in tests/benchmarks/ on a throw-away copy of the
# test template database; each prints SQL query counts and times.
# bench_scale.py runs at 100 receipt lines and 2,000 RMAs, RMA_BENCH_FULL=1 at
# the issue's 1,000 lines and 10,000 RMAs (several minutes more).
source "$(dirname "$0")/common.sh"
cd "$ROOT"
source "$ROOT/setup/test-db.sh"
status=0
SCALE_SIZES=(--receipt-lines 100 --rmas 2000)
[ -n "${RMA_BENCH_FULL:-}" ] && SCALE_SIZES=()
for bench in tests/benchmarks/bench_*.py; do
    sizes=()
    [ "$(basename "$bench")" = bench_scale.py ] && sizes=("${SCALE_SIZES[@]}")
    python "$bench" -c "$ODOO_CONF" -d "$TEST_DB" "${sizes[@]}" || status=$?
done
exit $status
