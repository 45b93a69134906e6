# Sourced after common.sh by test.sh and bench.sh: a fresh throw-away database
# TEST_DB with the three addons installed (demo data included), dropped on exit.
#
# Installing the addons takes a minute; the result is kept as a template
# database named after the checksum of the addons, requirements and
# compatibility layer, and each run copies it: a second run only pays the copy.

TEMPLATE="rma_test_template_$(sources_checksum)"
export RMA_TEST_TEMPLATE="$TEMPLATE"  # the browser tests serve a copy of it
TEST_DB="${RMA_TEST_DB:-rma_test_$$}"

if ! db_exists "$TEMPLATE"; then
    for old in $(psql -qtAc "SELECT datname FROM pg_database WHERE datname LIKE 'rma_test_template_%'"); do
        drop_db "$old"
    done
    install_db "$TEMPLATE" || { drop_db "$TEMPLATE"; exit 1; }
fi
drop_db "$TEST_DB"
createdb -T "$TEMPLATE" "$TEST_DB"
if [ -d "$RUN_DIR/data/filestore/$TEMPLATE" ]; then
    mkdir -p "$RUN_DIR/data/filestore"
    cp -r "$RUN_DIR/data/filestore/$TEMPLATE" "$RUN_DIR/data/filestore/$TEST_DB"
fi
trap 'drop_db "$TEST_DB"' EXIT
