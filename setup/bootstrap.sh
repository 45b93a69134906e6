#!/usr/bin/env bash
# Install everything the Odoo server, the tests and the linters need, once:
# Debian packages, a Python 3.11 virtualenv with the pinned requirements, the
# Python 3.11 compatibility layer, and lessc for the web client's stylesheets.
# A stamp file named after the inputs' checksum makes a second run a no-op.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${RMA_VENV:-$ROOT/.venv}"
NODE_DIR="$ROOT/.run/node"
PYTHON="${PYTHON:-python3.11}"
# chromium: the browser tests drive Debian's build (Playwright's own download is not used)
DEBIAN_PACKAGES=(libpq-dev libldap2-dev libsasl2-dev wkhtmltopdf chromium)

log() { echo "bootstrap: $*" >&2; }

inputs_checksum() {
    cat "$ROOT/requirements.txt" "$ROOT/setup/requirements-build.txt" "$0" | cksum | cut -d' ' -f1
}
STAMP="$VENV/.rma-bootstrap-$(inputs_checksum)"
if [ -f "$STAMP" ]; then
    exit 0
fi

install_debian_packages() {
    local missing=()
    for package in "${DEBIAN_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
    done
    command -v "$PYTHON" >/dev/null || missing+=(python3.11 python3.11-dev python3.11-venv)
    command -v npm >/dev/null || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] && return
    if [ "$(id -u)" != 0 ]; then
        log "missing Debian packages: ${missing[*]} (install them as root)"
        exit 1
    fi
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    local pip=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
    log "installing Python packages into $VENV"
    "${pip[@]}" "pip<24" wheel "setuptools<58"
    "${pip[@]}" --no-build-isolation -r "$ROOT/setup/requirements-build.txt"
    "${pip[@]}" -r "$ROOT/requirements.txt"
    # Load the compatibility layer in every interpreter of the virtualenv.
    local site
    site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    printf '%s\nimport odoo_py311_compat\n' "$ROOT/setup/compat" >"$site/odoo_py311_compat.pth"
}

install_lessc() {
    log "installing lessc into $NODE_DIR"
    mkdir -p "$NODE_DIR"
    npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" less@3.13.1 less-plugin-clean-css@1 >/dev/null
}

install_debian_packages
install_python_packages
install_lessc
rm -f "$VENV"/.rma-bootstrap-*
touch "$STAMP"
log "done"
