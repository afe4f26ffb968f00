#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer on) and runs each for a while.
#
#   Fuzzing/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS defaults to 60 per target; TARGETs default to FuzzBody,
# FuzzDifferential and FuzzHTTPResponse. The corpus grows in Fuzzing/corpus/<target>/ (seeded from
# the vectors each run); a crash or disagreement is written to
# Fuzzing/findings/<target>-crash-… and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzBody FuzzDifferential FuzzHTTPResponse)

swift build -c release --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | tail -1
python3 seed.py ../vectors corpus-seed
mkdir -p findings
status=0
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "== $target for ${seconds} s"
    log="findings/$target.log"
    # The Swift backtracer can hold the pipe open after a crash; libFuzzer reports instead.
    if SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$PWD/lsan.supp" ".build-fuzz/release/$target" "corpus/$target" "corpus-seed/$target" \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="findings/$target-" -print_final_stats=1 >"$log" 2>&1; then
        grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$log"
    else
        status=1
        echo "FINDING in $target (full log: Fuzzing/$log):"
        grep -E "Fatal error|ERROR|SUMMARY|Test unit written" "$log" | head -5
    fi
done
exit $status
