#!/usr/bin/env bash
# Requests a second and p99 latency of cognito-feedback-emulator against
# moto_server and MiniStack, in one run, on loopback, with wrk (Debian:
# apt-get install wrk). Each server answers a POST of about the same size:
#   - the emulator: UpdateAuthEventFeedback, valid, right token (validated by
#     the engine, recorded: HTTP 200), and AdminUpdateAuthEventFeedback,
#     valid, signed header (scope checked; recorded: HTTP 200);
#   - moto_server 5.2.1: AdminGetUser on a seeded pool and user (it implements
#     neither feedback operation);
#   - MiniStack: both feedback operations themselves (it answers every UpdateAuthEventFeedback token
#     NotAuthorizedException, and a valid AdminUpdateAuthEventFeedback InvalidParameterException).
# Prints a Markdown table and the emulator's ratio to each.
#
#   Emulator/bench.sh [SECONDS] [CONNECTIONS]     (defaults: 10 s, 32 connections, 1 wrk thread)
#
# Needs: the emulator built (release), wrk, moto (pip), MiniStack
# (Conformance/servers/ministack/install.sh), boto3 (to seed moto and MiniStack).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-10}
connections=${2:-32}
emulator=Emulator/.build/release/cognito-feedback-emulator
ministack=Conformance/servers/ministack/.venv/bin/ministack
for need in "$emulator" "$ministack"; do [ -x "$need" ] || { echo "missing $need (see the header)"; exit 2; }; done
command -v wrk >/dev/null || { echo "missing wrk: apt-get install wrk"; exit 2; }
. "$root/Emulator/process-groups.sh"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Starts "$@" in its own process group; waits (20 s at most) until $2's port answers HTTP.
serve() {
    local port=$1; shift
    setsid "$@" >"$work/server-$port.log" 2>&1 &
    pids+=("$!")
    for _ in $(seq 100); do
        curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && return 0
        sleep 0.2
    done
    echo "server on port $port did not start:"; tail -5 "$work/server-$port.log"; exit 1
}

pool=us-east-1_BENCH1
cat >"$work/seed.json" <<JSON
{"userPools":[{"id":"$pool","users":[{"username":"alice","authEvents":[{"eventId":"9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b","feedbackToken":"AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4.c2lnbmF0dXJl-_="}]}]}]}
JSON
update_body='{"UserPoolId":"'$pool'","Username":"alice","EventId":"9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b","FeedbackToken":"AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4.c2lnbmF0dXJl-_=","FeedbackValue":"Invalid"}'
admin_body='{"UserPoolId":"'$pool'","Username":"alice","EventId":"9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b","FeedbackValue":"Invalid"}'
# A fixed SigV4 header: the emulator checks its form and scope (no keys configured), moto and MiniStack ignore it.
authorization='AWS4-HMAC-SHA256 Credential=AKIDCOGNITOFEEDBACK/20261207/us-east-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000'

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
emulator_port=$(free_port)
serve "$emulator_port" "$emulator" --port "$emulator_port" --seed "$work/seed.json"
moto_port=$(free_port)
serve "$moto_port" python3 -c "import sys; sys.argv=['moto_server','-H','127.0.0.1','-p','$moto_port']; from moto.server import main; main()"
ministack_port=$(free_port)
serve "$ministack_port" env GATEWAY_PORT="$ministack_port" BIND_HOST=127.0.0.1 "$ministack"

# Seed moto (a pool and a user for AdminGetUser) and MiniStack (a pool with advanced security, so that the
# feedback operations go past the add-on check, and a user), through boto3.
read -r moto_pool ministack_pool < <(python3 - "$moto_port" "$ministack_port" <<'PY'
import sys, boto3
ids = []
for port, add_ons in zip(sys.argv[1:], ({}, {"UserPoolAddOns": {"AdvancedSecurityMode": "ENFORCED"}})):
    client = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=f"http://127.0.0.1:{port}",
                          aws_access_key_id="AKIDCOGNITOFEEDBACK", aws_secret_access_key="conformance-test-secret")
    pool = client.create_user_pool(PoolName="bench", **add_ons)["UserPool"]["Id"]
    client.admin_create_user(UserPoolId=pool, Username="alice")
    ids.append(pool)
print(*ids)
PY
)
moto_body='{"UserPoolId":"'$moto_pool'","Username":"alice"}'
ministack_update='{"UserPoolId":"'$ministack_pool'","Username":"alice","EventId":"9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b","FeedbackToken":"AYADeGV4YW1wbGUtZmVlZGJhY2stdG9rZW4.c2lnbmF0dXJl-_=","FeedbackValue":"Invalid"}'
ministack_admin='{"UserPoolId":"'$ministack_pool'","Username":"alice","EventId":"9f3c2e1a-4b5d-4e6f-8a7b-0c1d2e3f4a5b","FeedbackValue":"Invalid"}'

# CPU ticks (user + system, 1/100 s) used so far by process group $1: what a server spends, whatever else
# the machine runs (wall-clock rates on a shared machine measure the neighbours too).
cpu_ticks() {
    python3 - "$1" <<'PY'
import os, sys
group, ticks = int(sys.argv[1]), 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        continue
    fields = stat[stat.rindex(")") + 2:].split()
    if int(fields[2]) == group:
        ticks += int(fields[11]) + int(fields[12])
print(ticks)
PY
}

# One wrk run: name, port, operation, body, server's process group; appends a result line.
results=$work/results
measure() {
    local name=$1 port=$2 operation=$3 body=$4 group=$5
    local script=$work/$RANDOM.lua
    cat >"$script" <<LUA
wrk.method = "POST"
wrk.path = "/"
wrk.body = [[$body]]
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AWSCognitoIdentityProviderService.$operation"
wrk.headers["X-Amz-Date"] = "20261207T120000Z"
wrk.headers["Authorization"] = "$authorization"
LUA
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/" -H "Content-Type: application/x-amz-json-1.1" \
        -H "X-Amz-Target: AWSCognitoIdentityProviderService.$operation" -H "X-Amz-Date: 20261207T120000Z" \
        -H "Authorization: $authorization" --data-binary "$body")
    local type
    type=$(curl -s -X POST "http://127.0.0.1:$port/" -H "Content-Type: application/x-amz-json-1.1" \
        -H "X-Amz-Target: AWSCognitoIdentityProviderService.$operation" -H "X-Amz-Date: 20261207T120000Z" \
        -H "Authorization: $authorization" --data-binary "$body" | python3 -c 'import json,sys
try: print(json.load(sys.stdin).get("__type", "-"))
except Exception: print("-")')
    wrk -t1 -c"$connections" -d2s -s "$script" "http://127.0.0.1:$port/" >/dev/null  # warm-up
    local before after
    before=$(cpu_ticks "$group")
    wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port/" >"$work/wrk.out"
    after=$(cpu_ticks "$group")
    local rate p99 errors requests per_cpu
    rate=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")
    requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
    per_cpu=$(python3 -c "print(round($requests / max(($after - $before) / 100, 0.01)))")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
    errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/wrk.out")
    echo "$name|$operation|HTTP $status ${type}|$rate|$p99|${errors:-0}|$per_cpu" >>"$results"
}

measure "cognito-feedback-emulator" "$emulator_port" UpdateAuthEventFeedback "$update_body" "${pids[0]}"
measure "cognito-feedback-emulator" "$emulator_port" AdminUpdateAuthEventFeedback "$admin_body" "${pids[0]}"
measure "moto_server 5.2.1" "$moto_port" AdminGetUser "$moto_body" "${pids[1]}"
measure "MiniStack $("$root/Conformance/servers/ministack/.venv/bin/python" -m pip show ministack 2>/dev/null | awk '/^Version/ {print $2}')" \
    "$ministack_port" UpdateAuthEventFeedback "$ministack_update" "${pids[2]}"
measure "MiniStack" "$ministack_port" AdminUpdateAuthEventFeedback "$ministack_admin" "${pids[2]}"

echo "wrk: 1 thread, $connections connections, ${seconds} s per row (after a 2 s warm-up), loopback; $(nproc) cores; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Server | Operation | Answer | Requests/s | p99 | Non-2xx | Requests per server CPU-second |"
echo "|---|---|---|---|---|---|---|"
awk -F'|' '{printf "| %s | %s | %s | %.0f | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}' "$results"
echo
python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1])]
for column, what in ((3, "requests/s"), (6, "requests per server CPU-second")):
    rate = {(r[0].split(" ")[0], r[1]): float(r[column]) for r in rows}
    e_u, e_a = rate[("cognito-feedback-emulator", "UpdateAuthEventFeedback")], rate[("cognito-feedback-emulator", "AdminUpdateAuthEventFeedback")]
    moto = rate[("moto_server", "AdminGetUser")]
    m_u, m_a = rate[("MiniStack", "UpdateAuthEventFeedback")], rate[("MiniStack", "AdminUpdateAuthEventFeedback")]
    print(f"Ratios of {what}, same run: emulator Update / moto AdminGetUser {e_u / moto:.1f}x, emulator Admin / moto AdminGetUser {e_a / moto:.1f}x; "
          f"emulator / MiniStack: Update {e_u / m_u:.1f}x, Admin {e_a / m_a:.1f}x")
PY
