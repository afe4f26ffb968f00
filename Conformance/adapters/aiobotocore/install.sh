#!/usr/bin/env bash
# Installs the aiobotocore adapter's virtual environment, .venv/ beside this
# script (git-ignored), from PyPI with the pinned requirements.txt. Idempotent:
# an environment that already holds exactly those packages is kept.
#
#   Conformance/adapters/aiobotocore/install.sh
# Then:  Conformance/adapters/aiobotocore/.venv/bin/python Conformance/adapters/aiobotocore/adapter.py
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=$here/.venv
python=${PYTHON:-python3}
wanted=$(grep -v '^#' "$here/requirements.txt" | sort)
if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/python" -m pip freeze --disable-pip-version-check 2>/dev/null | sort)" = "$wanted" ]; then
    echo "aiobotocore adapter: $venv is up to date"
    exit 0
fi
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$here/requirements.txt"
"$venv/bin/python" -m pip check --disable-pip-version-check >/dev/null
echo "aiobotocore adapter: installed $("$venv/bin/python" -c 'import aiobotocore, botocore; print(f"aiobotocore {aiobotocore.__version__}, botocore {botocore.__version__}")') in $venv"
