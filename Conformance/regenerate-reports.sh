#!/usr/bin/env bash
# Regenerates the committed conformance reports in Conformance/reports/:
# every client adapter (Conformance/run-adapters.sh: botocore, the Swift
# encoder, aws-sdk-go, aws-sdk-go-v2, awscli, aiobotocore), moto_server,
# MiniStack and cognito-feedback-emulator (Emulator/, built here in release) as
# servers; then Conformance/MATRIX.md and reports/matrix.html from them. Needs
# Conformance/requirements.txt, the adapters and MiniStack installed (`.ci/run`
# does all three; or Conformance/install-adapters.sh and
# Conformance/servers/ministack/install.sh).
#
#   Conformance/regenerate-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product cognito-feedback >/dev/null
tool=.build/debug/cognito-feedback
out=Conformance/reports
mkdir -p "$out"

run() {  # name, then conform arguments; exit 1 (failures) still writes the reports
    local name=$1; shift
    for format in text json junit; do
        local ext=$format; [ "$format" = junit ] && ext=xml; [ "$format" = text ] && ext=txt
        "$tool" conform "$1" --quiet --format "$format" --output "$out/$name.$ext" "${@:2}" || [ $? -eq 1 ]
    done
}

# Every client adapter; exit 1 (failures beyond an expectation file) still writes the reports.
Conformance/run-adapters.sh "$out" || [ $? -eq 1 ]

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -c "import sys; sys.argv=['moto_server','-H','127.0.0.1','-p','$port']; from moto.server import main; main()" \
    >/dev/null 2>&1 &
moto=$!
emulator=
trap 'kill $moto 2>/dev/null || true; [ -z "$emulator" ] || kill -- "-$emulator" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
run moto-server server --endpoint "http://127.0.0.1:$port" --name "moto_server 5.2.1" \
    --expect Conformance/expectations/moto-server.json

# MiniStack: started in its own process group, waited for (bounded), killed as a group.
Conformance/servers/ministack/run.sh "$out" || [ $? -eq 1 ]

# cognito-feedback-emulator, seeded with its example, in its own process group; --strict as Emulator/ci.sh runs it.
(cd Emulator && swift build -c release --product cognito-feedback-emulator >/dev/null)
emulator_log=$(mktemp)
setsid Emulator/.build/release/cognito-feedback-emulator --port 0 --seed Emulator/seed.example.json >"$emulator_log" 2>&1 &
emulator=$!
emulator_port=
for _ in $(seq 100); do
    emulator_port=$(sed -n 's/^listening on .*:\([0-9][0-9]*\)$/\1/p' "$emulator_log")
    [ -n "$emulator_port" ] && break
    sleep 0.2
done
[ -n "$emulator_port" ] || { echo "cognito-feedback-emulator did not start"; cat "$emulator_log"; exit 1; }
run emulator server --endpoint "http://127.0.0.1:$emulator_port" --strict --name cognito-feedback-emulator

# The matrix of every implementation, from the JSON reports: committed as Markdown and as one HTML page.
reports=()
for name in botocore aiobotocore awscli aws-sdk-go aws-sdk-go-v2 swift moto-server ministack emulator; do reports+=("$out/$name.json"); done
"$tool" conform matrix --output Conformance/MATRIX.md "${reports[@]}"
"$tool" conform matrix --format html --output "$out/matrix.html" "${reports[@]}"
