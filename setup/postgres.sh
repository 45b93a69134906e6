#!/usr/bin/env bash
# Make sure a PostgreSQL server answers for Odoo, then print the connection
# settings as shell assignments (eval "$(setup/postgres.sh)").
#
# 1. If the standard PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD) point to
#    a server that answers, use it as it is.
# 2. Otherwise start (or reuse) a private cluster in .pgdata/ of the checkout,
#    owned by the unprivileged `postgres` OS user (initdb refuses root), only
#    reachable through a Unix socket in that folder.
#
# `setup/postgres.sh stop` stops the private cluster; `remove` also deletes it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROLE="${RMA_DB_ROLE:-odoo}"

log() { echo "postgres: $*" >&2; }

if [ -n "${PGHOST:-}${PGPORT:-}" ] && pg_isready -q -t 3 2>/dev/null; then
    log "using the server at ${PGHOST:-socket}:${PGPORT:-5432}"
    echo "DB_HOST='${PGHOST:-}' DB_PORT='${PGPORT:-5432}' DB_USER='${PGUSER:-$ROLE}' DB_PASSWORD='${PGPASSWORD:-}'"
    exit 0
fi

PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$PGBIN" ]; then
    log "installing the PostgreSQL server from Debian's packages"
    apt-get install -y -qq postgresql >&2
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
PORT="${RMA_PG_PORT:-54329}"
OWNER="${RMA_PG_OS_USER:-postgres}"
if [ "$(id -u)" = 0 ]; then
    id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home "$OWNER"
    as_owner() { runuser -u "$OWNER" -- "$@"; }
else
    as_owner() { "$@"; }
fi
DATA="${RMA_PG_DATA:-$ROOT/.pgdata}"
if ! as_owner test -x "$ROOT"; then
    # a checkout the server's user cannot enter (e.g. under /root): keep the cluster beside it
    DATA="/var/tmp/rma-pgdata-$(echo "$ROOT" | cksum | cut -d' ' -f1)"
fi
SOCK="$DATA/run"
case "${1:-}" in
    stop|remove)
        if [ -f "$DATA/PG_VERSION" ]; then
            as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 && as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >&2
            [ "$1" = remove ] && rm -rf "$DATA" && log "removed $DATA"
        fi
        exit 0
        ;;
esac

if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initialising a private cluster in $DATA"
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown "$OWNER" "$DATA"
    as_owner "$PGBIN/initdb" -D "$DATA" -A trust -U "$OWNER" -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner mkdir -p "$SOCK"
    cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = ''
port = $PORT
unix_socket_directories = '$SOCK'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi
if ! as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "starting the private cluster (socket $SOCK, port $PORT)"
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null
fi
PSQL=("$PGBIN/psql" -h "$SOCK" -p "$PORT" -U "$OWNER" -d postgres -v ON_ERROR_STOP=1 -qtA)
if [ -z "$(as_owner "${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" ]; then
    log "creating role $ROLE"
    as_owner "${PSQL[@]}" -c "CREATE ROLE \"$ROLE\" LOGIN CREATEDB"
fi
# Odoo 11 compares floats as PostgreSQL prints them: keep the pre-12 output.
as_owner "${PSQL[@]}" -c "ALTER ROLE \"$ROLE\" SET extra_float_digits = 0"
echo "DB_HOST='$SOCK' DB_PORT='$PORT' DB_USER='$ROLE' DB_PASSWORD=''"
