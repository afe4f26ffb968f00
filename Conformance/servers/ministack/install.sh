#!/usr/bin/env bash
# Installs MiniStack (PyPI `ministack`, a local AWS emulator that implements
# both feedback operations) into a virtual environment, .venv/ beside this
# script (git-ignored), pinned by requirements.txt. Idempotent: an
# environment that already holds that version is kept.
#
#   Conformance/servers/ministack/install.sh
# Then:  GATEWAY_PORT=4566 Conformance/servers/ministack/.venv/bin/ministack
# serves awsJson1.1 (Cognito's X-Amz-Target included) on 127.0.0.1:4566.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=$here/.venv
python=${PYTHON:-python3}
wanted=$(grep -v '^#' "$here/requirements.txt" | sort)
if [ -x "$venv/bin/ministack" ] && [ "$("$venv/bin/python" -m pip freeze --disable-pip-version-check 2>/dev/null | sort)" = "$wanted" ]; then
    echo "ministack: $venv is up to date"
    exit 0
fi
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$here/requirements.txt"
"$venv/bin/python" -m pip check --disable-pip-version-check >/dev/null
echo "ministack: installed $(grep -i '^ministack==' "$here/requirements.txt") in $venv"
