#!/usr/bin/env bash
# The static executable, proved as a user runs it on a machine without Swift.
#
# Builds `cognito-feedback` with the standard command
# (`swift build -c release --product cognito-feedback --static-swift-stdlib`),
# checks that it needs nothing but the C and C++ runtimes (no toolchain
# library, no libcurl, no ICU), copies it alone into an empty folder, and runs
# it there with the toolchain directory hidden (a private mount namespace with
# an empty folder bind-mounted over it: `unshare -m`, so root) and an empty
# environment (`env -i`): --version, vectors check, lint in every format on
# valid, invalid and unusable inputs, and conform server against a loopback
# stand-in of the service. Each result (standard output, standard error, exit
# status) must be byte for byte the dynamic build's (the debug build CI
# already made: the same code, and one release build fewer per run);
# conform's report is compared with its timings masked.
#
# Usage: .ci/static-binary.sh   (needs root for unshare -m and mount --bind)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fail() { printf 'static-binary: %s\n' "$*" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -- "-$server_pid" 2>/dev/null || true; fi
  exec 3>&- 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The toolchain's root: /opt/swift for /opt/swift/usr/bin/swift.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
[[ "$(basename "$toolchain")" == usr ]] && toolchain=$(dirname "$toolchain")
[[ "$toolchain" != / && -d "$toolchain" ]] || fail "cannot tell where the toolchain is ($toolchain)"

# --- The static one by the standard command (in .build/release); the
# dynamic one is the debug build (.build/debug), built if missing.
swift build -c release --product cognito-feedback --static-swift-stdlib >/dev/null
bin=$(swift build -c release --product cognito-feedback --static-swift-stdlib --show-bin-path)
mkdir "$work/static" "$work/empty"
cp "$bin/cognito-feedback" "$work/static/cognito-feedback"
swift build --product cognito-feedback >/dev/null
cp "$(swift build --product cognito-feedback --show-bin-path)/cognito-feedback" "$work/dynamic"
static="$work/static/cognito-feedback"

# --- What it loads: only the C and C++ runtimes and the loader.
needed=$(readelf -d "$static" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
for library in $needed; do
  case "$library" in
    libc.so.6|libm.so.6|libpthread.so.0|libdl.so.2|librt.so.1|libutil.so.1|ld-linux-*.so.*|libstdc++.so.6|libgcc_s.so.1) ;;
    *) fail "the static binary needs $library (needed: $needed)" ;;
  esac
done
if readelf -d "$static" | grep -E '\((RUNPATH|RPATH)\)' | grep -q "$toolchain"; then
  fail "the static binary's runpath points into the toolchain"
fi
if ldd "$static" | grep -Eiq 'swift|Foundation|curl|icu|dispatch|not found'; then
  ldd "$static" >&2
  fail "ldd shows a toolchain library, libcurl or ICU"
fi
echo "static-binary: $(stat -c %s "$static") bytes; needs: $needed"

# --- Runs a binary with an empty environment, in $work/inputs, with the
# toolchain hidden (hidden) or not (plain); writes NAME.out, NAME.err, NAME.status.
hidden() {
  # shellcheck disable=SC2016 # expanded by the inner sh
  unshare -m sh -c 'mount --bind "$1" "$2" && shift 2 && cd "$0" && exec env -i "$@"' \
    "$work/inputs" "$work/empty" "$toolchain" "$@"
}
plain() { (cd "$work/inputs" && exec env -i "$@"); }
record() {  # record DIR NAME RUNNER BINARY ARGS...
  local dir=$1 name=$2 runner=$3; shift 3
  mkdir -p "$dir"
  local status=0
  "$runner" "$@" >"$dir/$name.out" 2>"$dir/$name.err" </dev/null || status=$?
  echo "$status" >"$dir/$name.status"
}

# The toolchain is really out of sight: the dynamic build cannot start there.
hidden_status=0
mkdir "$work/inputs"
hidden "$work/dynamic" --version >/dev/null 2>&1 || hidden_status=$?
[[ $hidden_status -eq 127 ]] || fail "with the toolchain hidden, the dynamic build exited $hidden_status, not 127"
hidden sh -c "test ! -e '$toolchain/usr/bin/swift'" || fail "the toolchain is still visible in the namespace"

# --- Inputs: a valid body, an invalid one, an array of both, JSON Lines, not JSON.
cd "$work/inputs"
printf '%s\n' '{"UserPoolId":"us-east-1_EXAMPLE","Username":"alice","EventId":"e-1","FeedbackToken":"abc.def=","FeedbackValue":"Valid"}' >valid.json
printf '%s\n' '{"UserPoolId":"us-east-1 EXAMPLE","Username":"alïce","EventId":"e 1","FeedbackToken":"abc/def","FeedbackValue":"valid"}' >invalid.json
printf '[\n  %s,\n  %s,\n  7\n]\n' "$(cat valid.json)" "$(cat invalid.json)" >array.json
{ cat valid.json invalid.json; echo; echo '{"UserPoolId":null}'; } >lines.jsonl
printf '{"UserPoolId": "us-east-1_EXAMPLE",,}\n' >broken.json
cd "$root"

runs=()
add() { runs+=("$*"); }
add --version
add vectors check
add vectors list --flag AsciiWord
for format in text json github sarif junit; do
  add lint --operation UpdateAuthEventFeedback --format "$format" valid.json
  add lint --operation UpdateAuthEventFeedback --format "$format" valid.json invalid.json array.json broken.json missing.json
  add lint --operation AdminUpdateAuthEventFeedback --format "$format" --jsonl --jobs 2 lines.jsonl
done

number=0
for run in "${runs[@]}"; do
  number=$((number + 1))
  read -ra arguments <<<"$run"
  record "$work/got-static" "$number" hidden "$static" "${arguments[@]}"
  record "$work/got-dynamic" "$number" plain "$work/dynamic" "${arguments[@]}"
done

# --- conform server against the loopback stand-in (started here, its own
# process group, stopped at the end; every wait bounded).
mkfifo "$work/server-stdin"
setsid python3 Conformance/fixtures/cognito_like_server.py <"$work/server-stdin" >"$work/server-port" 2>"$work/server.err" &
server_pid=$!
exec 3>"$work/server-stdin"  # the stand-in serves until its standard input ends
for _ in $(seq 100); do
  [[ -s "$work/server-port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; fail "the loopback stand-in did not start"; }
  sleep 0.1
done
port=$(head -1 "$work/server-port")
[[ "$port" =~ ^[0-9]+$ ]] || fail "the loopback stand-in gave no port"
for format in text json junit markdown; do
  number=$((number + 1))
  runs+=("conform server --endpoint http://127.0.0.1:PORT --strict --quiet --deadline 120 --format $format")
  for kind in static dynamic; do
    if [[ $kind == static ]]; then runner=hidden binary=$static; else runner=plain binary=$work/dynamic; fi
    record "$work/got-$kind" "$number" "$runner" "$binary" conform server --endpoint "http://127.0.0.1:$port" \
      --strict --quiet --deadline 120 --format "$format"
    # Timings and the start time differ from run to run: masked.
    sed -E -i 's/[0-9]+\.[0-9]+ s\b/N s/g; s/(time|timestamp|"seconds"|"milliseconds"|"started")([=:] ?)("[^"]*"|[0-9.e+-]+)/\1\2N/g' \
      "$work/got-$kind/$number.out"
  done
done
exec 3>&-
kill -- "-$server_pid" 2>/dev/null || true
server_pid=

# --- Byte for byte.
differences=0
for index in $(seq "$number"); do
  for part in out err status; do
    if ! cmp -s "$work/got-static/$index.$part" "$work/got-dynamic/$index.$part"; then
      echo "static-binary: differs from the dynamic build: ${runs[$((index - 1))]} ($part)" >&2
      diff "$work/got-dynamic/$index.$part" "$work/got-static/$index.$part" | head -20 >&2 || true
      differences=$((differences + 1))
    fi
  done
done
[[ $differences -eq 0 ]] || fail "$differences results differ"
# The runs did something: a valid lint passes, the mixed one fails, the vectors check.
[[ "$(cat "$work/got-static/4.status")" == 0 && "$(cat "$work/got-static/5.status")" == 2 ]] \
  || fail "lint's exit statuses are not 0 (valid) and 2 (unusable input among invalid)"
[[ "$(cat "$work/got-static/2.status")" == 0 ]] || fail "vectors check failed"
grep -q "pass" "$work/got-static/$number.out" || fail "conform server reported nothing"
echo "static-binary: $number runs with the toolchain hidden and an empty environment, identical to the dynamic build"
