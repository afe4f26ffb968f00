#!/usr/bin/env bash
# Throughput and peak memory of `cognito-feedback lint --jsonl` on generated
# files of several sizes: memory must stay flat as the file grows.
#
#   Benchmarks/bulk-lint.sh [lines...]     (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product cognito-feedback >/dev/null
tool=.build/release/cognito-feedback
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-10s %10s %10s %12s %12s\n' lines "MB in" seconds "lines/s" "peak MB"
for lines in "${@:-100000 1000000}"; do
  python3 Benchmarks/bulk-corpus.py "$lines" > "$work/in.jsonl"
  /usr/bin/time -f "%e %M" -o "$work/time" "$tool" lint --operation update --jsonl --format json "$work/in.jsonl" > "$work/out.jsonl" 2>/dev/null || true
  read -r seconds peak_kb < <(tail -n 1 "$work/time")
  [ "$(wc -l < "$work/out.jsonl")" -eq "$lines" ] || { echo "expected $lines results" >&2; exit 1; }
  mb=$(( $(stat -c %s "$work/in.jsonl") / 1000000 ))
  printf '%-10s %10s %10s %12.0f %12.1f\n' "$lines" "$mb" "$seconds" "$(echo "$lines / $seconds" | bc -l)" "$(echo "$peak_kb / 1024" | bc -l)"
done
