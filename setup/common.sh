# Shared by the setup/*.sh entry points (sourced, not run): installs what is
# missing, makes sure PostgreSQL answers and writes the Odoo configuration.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${RMA_VENV:-$ROOT/.venv}"
RUN_DIR="$ROOT/.run"
ODOO_CONF="$RUN_DIR/odoo.conf"
ADDONS=rma_management,rma_management_stock,rma_management_account,rma_management_portal
# with the bridge that installs itself when stock and accounting are both there
ADDON_DIRS="rma_management rma_management_stock rma_management_account rma_management_stock_account rma_management_portal"
export PATH="$VENV/bin:$RUN_DIR/node/node_modules/.bin:$PATH"

"$ROOT/setup/bootstrap.sh"
eval "$("$ROOT/setup/postgres.sh")"
# psql, createdb and dropdb below use the same server as Odoo
export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGDATABASE=postgres
[ -n "$DB_PASSWORD" ] && export PGPASSWORD="$DB_PASSWORD"

write_odoo_conf() {
    local odoo_addons
    odoo_addons="$("$VENV/bin/python" -c 'import os, odoo.addons; print(os.path.dirname(odoo.addons.__file__))')"
    mkdir -p "$RUN_DIR/data"
    cat >"$ODOO_CONF" <<CONF
[options]
addons_path = $odoo_addons,$ROOT
data_dir = $RUN_DIR/data
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
db_password = ${DB_PASSWORD:-False}
admin_passwd = ${RMA_MASTER_PASSWORD:-admin}
http_port = ${RMA_HTTP_PORT:-8069}
http_interface = ${RMA_HTTP_INTERFACE:-127.0.0.1}
list_db = False
CONF
}
write_odoo_conf

odoo() {
    "$VENV/bin/python" "$ROOT/setup/odoo-server" -c "$ODOO_CONF" "$@"
}

# changes whenever the addons, the requirements or the compatibility layer change
sources_checksum() {
    (cd "$ROOT" && find $ADDON_DIRS requirements.txt setup/compat \
        -type f -not -name '*.pyc' -not -path '*/__pycache__/*' -print0 \
        | sort -z | xargs -0 cat | cksum | cut -d' ' -f1)
}

db_exists() {
    [ "$(psql -qtAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

drop_db() {
    PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists "$1"
    rm -rf "$RUN_DIR/data/filestore/$1"
}

# install_db NAME [ADDONS]: a new database with demo data and ADDONS (default: the three addons)
install_db() {
    local name="$1" addons="${2:-$ADDONS}"
    echo "Installing $addons into database $name" >&2
    odoo -d "$name" -i "$addons" --stop-after-init --log-level=warn
}
