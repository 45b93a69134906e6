#!/usr/bin/env bash
# `make pot`: export each addon's translation template (i18n/<addon>.pot)
# from a throw-away database with the addons installed.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
source "$ROOT/setup/test-db.sh"
for addon in $ADDON_DIRS; do
    mkdir -p "$addon/i18n"
    # Odoo 11 picks the format from the extension and knows .po, not .pot
    odoo -d "$TEST_DB" --modules="$addon" --i18n-export="$RUN_DIR/$addon.po" \
        --stop-after-init --log-level=warn
    mv "$RUN_DIR/$addon.po" "$addon/i18n/$addon.pot"
    echo "pot: $addon/i18n/$addon.pot"
done
