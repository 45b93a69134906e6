#!/usr/bin/env bash
# `make test`: set up what is missing, then every test (pytest-odoo) and the linters:
# 1. each addon alone with its dependencies: its own tests on a database where
#    the other RMA addons are not installed (what they change must not be needed);
# 2. all addons together (the stock/accounting bridge installs itself): every
#    test under tests/, browser tests included.
# Arguments narrow the tests to the second stage: setup/test.sh tests/test_rma_management
source "$(dirname "$0")/common.sh"
cd "$ROOT"
source "$ROOT/setup/test-db.sh"

pytest_on() {
    local db="$1"
    shift
    python -m pytest -p no:warnings -p no:cacheprovider --odoo-config="$ODOO_CONF" --odoo-database="$db" "$@"
}

status=0
if [ $# = 0 ]; then
    ALONE_DB="rma_test_alone_$$"
    trap 'drop_db "$TEST_DB"; drop_db "$ALONE_DB"' EXIT
    for addon in rma_management rma_management_account rma_management_stock; do
        echo "== $addon alone: tests/test_$addon"
        template="$(template_db "rma_test_alone_${addon}_" "$addon")" || { status=1; continue; }
        copy_db "$template" "$ALONE_DB"
        pytest_on "$ALONE_DB" -q "tests/test_$addon" || status=$?
    done
    echo "== all addons together: tests/"
fi
pytest_on "$TEST_DB" "${@:-tests}" || status=$?
"$ROOT/setup/lint.sh" || status=$?
exit $status
