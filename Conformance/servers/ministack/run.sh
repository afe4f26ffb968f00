#!/usr/bin/env bash
# Runs `cognito-feedback conform server` against MiniStack, with its
# expectation file (Conformance/expectations/ministack.json), and writes the
# report to OUT/ministack.txt, .json and .xml (JUnit; FORMATS chooses).
#
#   Conformance/servers/ministack/run.sh OUT
#   FORMATS="text" Conformance/servers/ministack/run.sh OUT
#
# Install MiniStack first (Conformance/servers/ministack/install.sh). The
# emulator is started in its own process group on a free loopback port,
# waited for at most 30 s, and killed as a group when the script ends.
# Exit status: 0 when the run passes (known findings allowed), 1 when some
# case fails it, 2 on a set-up error (not installed, no answer, a bad file).
set -uo pipefail
cd "$(dirname "$0")/../../.."
if [ $# -ne 1 ] || [ "${1:0:1}" = "-" ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
out=$1
formats=${FORMATS:-text json junit}
ministack=Conformance/servers/ministack/.venv/bin/ministack
version=$(grep -i '^ministack==' Conformance/servers/ministack/requirements.txt | cut -d= -f3)
[ -x "$ministack" ] || { echo "ministack: not installed (run Conformance/servers/ministack/install.sh)" >&2; exit 2; }
mkdir -p "$out" || exit 2
swift build --product cognito-feedback >/dev/null || { echo "ministack: swift build failed" >&2; exit 2; }
tool=.build/debug/cognito-feedback

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') || exit 2
log=$(mktemp) || exit 2
GATEWAY_PORT=$port setsid "$ministack" >"$log" 2>&1 &
pid=$!
# setsid made the emulator a process group leader: end the whole group, its workers included.
stop() { kill -TERM -- "-$pid" 2>/dev/null; for _ in $(seq 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
         kill -KILL -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"; }
trap stop EXIT
ready=0
for _ in $(seq 150); do   # 30 s at most
    if curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/"; then ready=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
done
if [ $ready -ne 1 ]; then
    echo "ministack: no answer on 127.0.0.1:$port within 30 s" >&2
    tail -5 "$log" >&2
    exit 2
fi
status=0
for format in $formats; do
    case $format in text) ext=txt ;; junit) ext=xml ;; *) ext=$format ;; esac
    "$tool" conform server --quiet --endpoint "http://127.0.0.1:$port" --name "MiniStack $version" \
        --format "$format" --output "$out/ministack.$ext" --expect Conformance/expectations/ministack.json
    code=$?
    [ $code -gt $status ] && status=$code
    [ $code -ge 2 ] && break
done
echo "ministack: exit $status"
exit $status
