#!/usr/bin/env bash
# Runs `cognito-feedback conform client` for every client adapter, each with
# its expectation file (Conformance/expectations/NAME.json), and writes each
# report to OUT/NAME.txt, OUT/NAME.json and OUT/NAME.xml (JUnit).
#
#   Conformance/run-adapters.sh OUT [NAME...]
#   FORMATS="text" Conformance/run-adapters.sh OUT     # fewer formats, fewer runs
#
# NAME is one of the adapters below (default: all). Install them first with
# Conformance/install-adapters.sh. Every adapter is run even when one fails.
# Exit status: 0 when every run passes (known issues allowed); 1 when some case
# fails a run beyond its expectation file; 2 on a set-up error (the tool does
# not build, an adapter is not installed or cannot start, a bad file).
set -uo pipefail
cd "$(dirname "$0")/.."

# name | adapter command (run from the repository's root)
ADAPTERS=(
    "botocore|python3 Conformance/adapters/botocore/adapter.py"
    "swift|.build/debug/feedback-swift-adapter"
    "aws-sdk-go|.build-adapters/bin/aws-sdk-go-adapter"
    "aws-sdk-go-v2|.build-adapters/bin/aws-sdk-go-v2-adapter"
    "awscli|python3 Conformance/adapters/awscli/adapter.py"
    "aiobotocore|Conformance/adapters/aiobotocore/.venv/bin/python Conformance/adapters/aiobotocore/adapter.py"
)

if [ $# -lt 1 ] || [ "${1:0:1}" = "-" ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
out=$1; shift
formats=${FORMATS:-text json junit}
mkdir -p "$out" || exit 2

if ! { swift build --product cognito-feedback >/dev/null && swift build --product feedback-swift-adapter >/dev/null; }; then
    echo "run-adapters: swift build failed" >&2
    exit 2
fi
tool=.build/debug/cognito-feedback

worst=0
ran=0
for entry in "${ADAPTERS[@]}"; do
    name=${entry%%|*} command=${entry#*|}
    if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qxF "$name"; then continue; fi
    ran=$((ran + 1))
    status=0
    start=$EPOCHREALTIME
    for format in $formats; do
        case $format in text) ext=txt ;; junit) ext=xml ;; *) ext=$format ;; esac
        # shellcheck disable=SC2086 # the command is split into words on purpose
        "$tool" conform client --quiet --format "$format" --output "$out/$name.$ext" \
            --expect "Conformance/expectations/$name.json" -- $command
        code=$?
        [ $code -gt $status ] && status=$code
        [ $code -ge 2 ] && break   # a set-up error: the other formats would fail alike
    done
    awk -v name="$name" -v s="$start" -v e="$EPOCHREALTIME" -v code="$status" \
        'BEGIN { printf "run-adapters: %s: exit %d (%.1f s)\n", name, code, e - s }'
    if [ $status -ge 2 ]; then worst=2; elif [ $status -eq 1 ] && [ $worst -lt 1 ]; then worst=1; fi
done
if [ $ran -eq 0 ]; then
    echo "run-adapters: no adapter named $*" >&2
    exit 2
fi
exit $worst
