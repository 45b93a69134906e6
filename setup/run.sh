#!/usr/bin/env bash
# `make run`: set up what is missing, create the demo database once (or
# update its addons when their code changed since), serve it.
source "$(dirname "$0")/common.sh"
DB="${RMA_DB:-rma_demo}"
STAMP="$RUN_DIR/$DB.sources"
if ! db_exists "$DB"; then
    install_db "$DB"
    sources_checksum >"$STAMP"
elif [ "$(cat "$STAMP" 2>/dev/null)" != "$(sources_checksum)" ]; then
    echo "Updating the addons in database $DB" >&2
    odoo -d "$DB" -i "${ADDON_DIRS// /,}" -u "${ADDON_DIRS// /,}" --stop-after-init --log-level=warn
    sources_checksum >"$STAMP"
fi
# RMA_WORKERS=N: prefork mode, N HTTP worker processes and long polling on its own port
SERVE_MODE=()
if [ -n "${RMA_WORKERS:-}" ]; then
    SERVE_MODE=(--workers="$RMA_WORKERS" --longpolling-port="${RMA_LONGPOLLING_PORT:-8072}")
    echo "Prefork mode: $RMA_WORKERS workers, long polling on port ${RMA_LONGPOLLING_PORT:-8072}" >&2
fi
echo "Serving database $DB on http://localhost:${RMA_HTTP_PORT:-8069} (login admin / admin)" >&2
exec "$VENV/bin/python" "$ROOT/setup/odoo-server" -c "$ODOO_CONF" -d "$DB" --db-filter="^$DB\$" "${SERVE_MODE[@]}" "$@"
