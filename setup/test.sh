#!/usr/bin/env bash
# `make test`: set up what is missing, a fresh throw-away database with the
# three addons installed, then every test (pytest-odoo) and the linters.
# Arguments narrow the tests: setup/test.sh tests/test_rma_management
source "$(dirname "$0")/common.sh"
cd "$ROOT"
source "$ROOT/setup/test-db.sh"

status=0
python -m pytest -p no:warnings -p no:cacheprovider --odoo-config="$ODOO_CONF" --odoo-database="$TEST_DB" \
    "${@:-tests}" || status=$?
"$ROOT/setup/lint.sh" || status=$?
exit $status
