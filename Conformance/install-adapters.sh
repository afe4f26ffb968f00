#!/usr/bin/env bash
# Installs and builds every client adapter from the registries (Debian
# packages, PyPI): runs each Conformance/adapters/*/install.sh, all
# idempotent. The Swift adapter is built by `swift build` (run-adapters.sh
# does it). Needs root for apt-get (the Go adapters' Debian packages).
#
#   Conformance/install-adapters.sh
set -euo pipefail
cd "$(dirname "$0")/adapters"
for script in */install.sh; do
    start=$EPOCHREALTIME
    bash "$script"
    awk -v name="${script%/install.sh}" -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "  (%s: %.1f s)\n", name, e - s }'
done
