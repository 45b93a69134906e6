#!/usr/bin/env bash
# The linters: pylint with the pylint-odoo plugin (OCA's mandatory checks)
# on the addons, and ruff on all Python code of the project.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${RMA_VENV:-$ROOT/.venv}"
cd "$ROOT"
status=0
echo "lint: pylint-odoo (OCA mandatory checks)"
"$VENV/bin/pylint" --rcfile=setup/pylintrc-mandatory rma_management*/ \
    || status=1
echo "lint: ruff"
"$VENV/bin/ruff" check . || status=1
echo "lint: addon READMEs match their readme/ fragments"
"$VENV/bin/python" setup/gen_readme.py --check || status=1
[ $status = 0 ] && echo "lint: clean"
exit $status
