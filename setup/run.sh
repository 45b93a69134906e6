#!/usr/bin/env bash
# `make run`: set up what is missing, create the demo database once, serve it.
source "$(dirname "$0")/common.sh"
DB="${RMA_DB:-rma_demo}"
if ! db_exists "$DB"; then
    install_db "$DB"
fi
echo "Serving database $DB on http://localhost:${RMA_HTTP_PORT:-8069} (login admin / admin)" >&2
exec "$VENV/bin/python" "$ROOT/setup/odoo-server" -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" "$@"
