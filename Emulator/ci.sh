#!/usr/bin/env bash
# The emulator's CI step (.ci/run calls it): builds the emulator package once
# (release: cognito-feedback-emulator and its unit tests, one build), runs the
# unit tests (Tests/FeedbackEmulatorTests, from that build; their output only
# when one fails), then, each against a fresh emulator on a free loopback port
# seeded with seed.example.json:
#   1. `cognito-feedback conform server --strict`: every vector must pass;
#   2. the botocore flow (Flows/botocore/flow.py);
#   3. the aws-sdk-go-v2 flow (Flows/go, built offline against Debian's SDK,
#      installed by Conformance/adapters/aws-sdk-go-v2/install.sh);
# and checks that each emulator stops cleanly (exit 0) on SIGTERM.
# Every wait is bounded; each emulator runs in its own process group and is
# killed as a group on exit.
#
#   Emulator/ci.sh [REPORT_DIR]     (reports: REPORT_DIR/emulator.{txt,json}; default $TMPDIR/emulator-reports)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
reports=${1:-${TMPDIR:-/tmp}/emulator-reports}
mkdir -p "$reports"
. "$root/Emulator/process-groups.sh"

start=$(date +%s)
# One build: the executable and the tests, release (the configuration bench.sh measures). The tests import
# only the package's public API, so no module is rebuilt for testability; `swift test` reuses this build.
(cd Emulator && swift build -c release --build-tests)
echo "emulator: built in $(( $(date +%s) - start )) s"
emulator=$root/Emulator/.build/release/cognito-feedback-emulator
if ! (cd Emulator && timeout 600 swift test -c release --skip-build --disable-testable-imports --disable-xctest) >"$work/tests.log" 2>&1; then
    cat "$work/tests.log"; echo "emulator: unit tests failed"; exit 1
fi
grep -E "Test run with [0-9]+ tests? .*passed" "$work/tests.log" | tail -1 || true  # the summary line
# The command-line tool of this checkout (.ci/run's Build step has built it), or $COGNITO_FEEDBACK_TOOL.
tool=${COGNITO_FEEDBACK_TOOL:-}
if [ -z "$tool" ]; then
    swift build --product cognito-feedback >/dev/null
    tool=$root/.build/debug/cognito-feedback
fi

# Starts an emulator in its own process group; sets $pid and $port.
launch() {
    local log=$work/emulator-$RANDOM.log
    setsid "$emulator" --port 0 --seed Emulator/seed.example.json "$@" >"$log" 2>&1 &
    pid=$!
    pids+=("$pid")
    port=
    for _ in $(seq 100); do  # 20 s at most
        port=$(sed -n 's/^listening on .*:\([0-9][0-9]*\)$/\1/p' "$log")
        [ -n "$port" ] && return 0
        exited "$pid" && break
        sleep 0.2
    done
    echo "emulator: did not start listening"; cat "$log"; exit 1
}

# Whether process $1 has exited (gone, or a zombie not yet waited for).
exited() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null || true)
    [ -z "$state" ] || [[ $state == Z* ]]
}

# Stops it with SIGTERM; it must exit 0 within 10 s.
stop() {
    kill -TERM "$pid"
    for _ in $(seq 50); do
        if exited "$pid"; then
            local status=0
            wait "$pid" || status=$?
            [ "$status" -eq 0 ] && return 0
            echo "emulator: exit $status on SIGTERM"; exit 1
        fi
        sleep 0.2
    done
    echo "emulator: still running 10 s after SIGTERM"; exit 1
}

launch
for format in text json; do
    ext=$format; [ "$format" = text ] && ext=txt
    "$tool" conform server --strict --quiet --endpoint "http://127.0.0.1:$port" --name cognito-feedback-emulator \
        --format "$format" --output "$reports/emulator.$ext" \
        || { echo "conform server --strict against the emulator failed:"; head -80 "$reports/emulator.txt" 2>/dev/null; exit 1; }
done
head -12 "$reports/emulator.txt"
stop

launch
python3 Emulator/Flows/botocore/flow.py "http://127.0.0.1:$port"
stop

bash Conformance/adapters/aws-sdk-go-v2/install.sh >/dev/null
mkdir -p .build-adapters/bin
GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOPROXY=off CGO_ENABLED=0 \
    go build -o .build-adapters/bin/emulator-go-flow ./Emulator/Flows/go
launch
.build-adapters/bin/emulator-go-flow "http://127.0.0.1:$port"
stop
echo "emulator: conform --strict, botocore and aws-sdk-go-v2 flows passed; graceful shutdown on SIGTERM"
