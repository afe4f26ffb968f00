#!/usr/bin/env bash
# Installs the botocore adapter's one dependency from PyPI, at the version
# Conformance/requirements.txt pins (.ci/run installs that whole file too).
# Idempotent.
#
#   Conformance/adapters/botocore/install.sh
# Then:  python3 Conformance/adapters/botocore/adapter.py
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
pin=$(grep '^botocore==' "$here/../../requirements.txt")
if [ "$("$python" -c 'import botocore; print("botocore==" + botocore.__version__)' 2>/dev/null)" = "$pin" ]; then
    echo "botocore adapter: $pin is installed"
    exit 0
fi
"$python" -m pip install --quiet --disable-pip-version-check "$pin"
echo "botocore adapter: installed $pin"
