#!/usr/bin/env bash
# The performance gate: counts that do not depend on the machine's load,
# compared with thresholds committed under Benchmarks/Thresholds/<swift
# major.minor>/, one JSON file per measurement (as swift-nio gates its
# benchmarks). Release builds, run under valgrind:
#
#   instructions  callgrind's instruction count (3% tolerance)
#   mallocs       memcheck's count of heap allocations (no tolerance)
#
# of `validate()` (per validation: the benchmark's mixed corpus; one valid
# and one invalid request) and of `lint --jsonl` (per line of a generated
# file, `--format json` and `text`). Each figure is the difference between
# two runs that differ only in how many validations or lines they do,
# divided by that difference, so start-up is not in it (it is printed
# apart, ungated: the dynamic linker and Foundation's libraries dominate it).
#
#   Benchmarks/gate.sh            # measure and compare; exits 1 naming every metric over its threshold
#   Benchmarks/gate.sh --update   # measure and write the thresholds (commit them with the change that explains them)
#
# Installs valgrind with apt-get when it is absent. Takes about two minutes
# on 2 cores after the release build.
set -euo pipefail
cd "$(dirname "$0")"

update=0
case "${1:-}" in
  "") ;;
  --update) update=1 ;;
  *) echo "usage: Benchmarks/gate.sh [--update]" >&2; exit 2 ;;
esac

if ! command -v valgrind >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
fi

swift_version=$(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9]*\.[0-9]*\).*/\1/p' | head -n 1)
[ -n "$swift_version" ] || { echo "gate: cannot read the Swift version from 'swift --version'" >&2; exit 2; }
thresholds="Thresholds/$swift_version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for product in gate-counts lint-profile; do
  swift build -c release --product $product > "$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
done
bin=.build/release
# Swift seeds its hashing per process unless told not to: the counts must repeat.
export SWIFT_DETERMINISTIC_HASHING=1

# instructions COMMAND...: the instructions the command executes.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" > "$work/stdout" 2> "$work/valgrind.log" \
    || { cat "$work/valgrind.log" >&2; exit 1; }
  sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$work/callgrind.out"
}
# mallocs COMMAND...: the heap allocations the command makes.
mallocs() {
  valgrind --tool=memcheck "$@" > "$work/stdout" 2> "$work/valgrind.log" || { cat "$work/valgrind.log" >&2; exit 1; }
  sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' "$work/valgrind.log" | tr -d ,
}
# expect TEXT: the last run printed TEXT (so the loop measured is the work named).
expect() {
  grep -qxF "$1" "$work/stdout" || { echo "gate: expected '$1', the run printed: $(cat "$work/stdout")" >&2; exit 1; }
}

results="$work/results"
: > "$results"
# record NAME METRIC UNIT LOW HIGH LOW_UNITS HIGH_UNITS: two runs' counts and how many units each did.
record() { echo "$1 $2 $3 $4 $5 $6 $7" >> "$results"; }

# validate(): 100 and 1100 rounds of the mixed corpus (26 requests); 100 and 1100 of one request.
low=100 high=1100
for corpus in mixed valid invalid; do
  case $corpus in mixed) per_round=26 ;; *) per_round=1 ;; esac
  valid_per_round=$(case $corpus in mixed) echo 20 ;; valid) echo 1 ;; invalid) echo 0 ;; esac)
  metrics=$(case $corpus in mixed) echo "mallocs instructions" ;; *) echo mallocs ;; esac)
  for metric in $metrics; do
    runs=""
    for rounds in $low $high; do
      runs="$runs $($metric $bin/gate-counts $corpus $rounds)"
      expect "validations $((rounds * per_round)), valid $((rounds * valid_per_round))"
    done
    record "validate-$corpus" $metric validation $runs $((low * per_round)) $((high * per_round))
  done
done

# lint --jsonl: the first 2,000 and the first 22,000 lines of one generated file.
python3 bulk-corpus.py 22000 > "$work/all.jsonl"
head -n 2000 "$work/all.jsonl" > "$work/low.jsonl"
cp "$work/all.jsonl" "$work/high.jsonl"
for format in json text; do
  for metric in instructions mallocs; do
    runs=""
    for size in low high; do
      runs="$runs $($metric $bin/lint-profile $format "$work/$size.jsonl")"
      case $size in
        low) expect "2000 bodies: 802 valid, 1198 invalid, 0 unusable" ;;
        high) expect "22000 bodies: 8801 valid, 13199 invalid, 0 unusable" ;;
      esac
    done
    record "lint-$format" $metric line $runs 2000 22000
  done
done

python3 - "$results" "$thresholds" "$update" <<'EOF'
import json, os, sys

results, directory, update = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
tolerance = {"instructions": 0.03, "mallocs": 0.0}
measured = {}
for line in open(results):
    name, metric, unit, low, high, low_units, high_units = line.split()
    value = (int(high) - int(low)) / (int(high_units) - int(low_units))
    start = int(low) - value * int(low_units)
    measured.setdefault(name, {})[metric] = round(value, 1 if metric == "instructions" else 4)
    print(f"{name:18} {metric:12} {value:12.4f} per {unit}   (start-up, not gated: {start:,.0f})")

if update:
    os.makedirs(directory, exist_ok=True)
    for name, values in sorted(measured.items()):
        with open(os.path.join(directory, name + ".json"), "w") as out:
            json.dump(values, out, indent=2, sort_keys=True)
            out.write("\n")
    print(f"gate: thresholds written to Benchmarks/{directory}/; commit them with the change that explains them")
    sys.exit(0)

failed = False
for name, values in sorted(measured.items()):
    path = os.path.join(directory, name + ".json")
    if not os.path.exists(path):
        print(f"gate: no thresholds for {name} at Benchmarks/{path}: run Benchmarks/gate.sh --update and commit them")
        failed = True
        continue
    with open(path) as file:
        committed = json.load(file)
    for metric, value in sorted(values.items()):
        if metric not in committed:
            print(f"gate: {name} has no {metric} threshold in Benchmarks/{path}")
            failed = True
            continue
        threshold = committed[metric]
        limit = threshold * (1 + tolerance[metric])
        if value > limit:
            print(f"gate: FAILED {name} {metric}: {value} exceeds the threshold {threshold}"
                  f" (+{tolerance[metric]:.0%}: {limit:.1f}) in Benchmarks/{path}")
            failed = True
        elif value < threshold * (1 - tolerance[metric]):
            print(f"gate: {name} {metric}: {value}, below the threshold {threshold} by more than"
                  f" {tolerance[metric]:.0%}: lower it with Benchmarks/gate.sh --update")
sys.exit(1 if failed else 0)
EOF
