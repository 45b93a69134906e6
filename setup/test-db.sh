# Sourced after common.sh by test.sh, bench.sh and pot.sh: a fresh throw-away
# database TEST_DB with the three addons installed (demo data included),
# dropped on exit, and `fresh_db` for other sets of addons.
#
# Installing addons takes a minute or two; the result is kept as a template
# database named after the addons and the checksum of the addons, requirements
# and compatibility layer, and each run copies it: a second run only pays the copy.

# template_db PREFIX ADDONS: make sure PREFIX<checksum> has ADDONS installed, print its name
template_db() {
    local prefix="$1" addons="$2" template
    template="$prefix$(sources_checksum)"
    if ! db_exists "$template"; then
        for old in $(psql -qtAc "SELECT datname FROM pg_database WHERE datname ~ '^${prefix}[0-9]+\$'"); do
            drop_db "$old"
        done
        install_db "$template" "$addons" >&2 || { drop_db "$template"; return 1; }
    fi
    echo "$template"
}

# copy_db TEMPLATE NAME: NAME becomes a fresh copy of TEMPLATE, filestore included
copy_db() {
    drop_db "$2"
    createdb -T "$1" "$2"
    if [ -d "$RUN_DIR/data/filestore/$1" ]; then
        mkdir -p "$RUN_DIR/data/filestore"
        cp -r "$RUN_DIR/data/filestore/$1" "$RUN_DIR/data/filestore/$2"
    fi
}

TEMPLATE="$(template_db rma_test_template_ "$ADDONS")"
export RMA_TEST_TEMPLATE="$TEMPLATE"  # the browser tests serve a copy of it
TEST_DB="${RMA_TEST_DB:-rma_test_$$}"
copy_db "$TEMPLATE" "$TEST_DB"
trap 'drop_db "$TEST_DB"' EXIT
