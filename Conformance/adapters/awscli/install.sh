#!/usr/bin/env bash
# Installs the awscli adapter's one dependency from PyPI into the Python that
# runs it (the same as the botocore adapter's: awscli 1.45.11 requires
# botocore 1.43.11, the version Conformance/requirements.txt pins). Idempotent.
#
#   Conformance/adapters/awscli/install.sh
# Then:  python3 Conformance/adapters/awscli/adapter.py
set -euo pipefail
python=${PYTHON:-python3}
version=1.45.11
if [ "$("$python" -c 'import awscli; print(awscli.__version__)' 2>/dev/null)" = "$version" ]; then
    echo "awscli adapter: awscli $version is installed"
    exit 0
fi
"$python" -m pip install --quiet --disable-pip-version-check "awscli==$version"
echo "awscli adapter: installed awscli $version (botocore $("$python" -c 'import botocore; print(botocore.__version__)'))"
