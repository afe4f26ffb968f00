#!/usr/bin/env bash
# Builds the DocC documentation of every library module with the toolchain's
# own `docc` (no package dependency), warnings as errors, into
# .build/documentation/<Module>.doccarchive (and static HTML with --html).
#
#   Documentation/build.sh [--html]
#
# Each module's catalog is Sources/<Module>/<Module>.docc: a landing page
# and articles. The symbol graphs come from `swift-symbolgraph-extract` (below).
set -euo pipefail
cd "$(dirname "$0")/.."
modules=(FeedbackRules FeedbackWire FeedbackSigning FeedbackVectors FeedbackConformance
         FeedbackAdapterProtocol FeedbackClient FeedbackRunner FeedbackLint)
hosting=()
[ "${1:-}" = "--html" ] && hosting=(--transform-for-static-hosting)

# Symbol graphs are extracted module by module from the built modules, not by
# `swift package dump-symbol-graph`: that also visits the package's test
# modules and fails when a test build left them in a state it cannot load.
swift build >/dev/null
modules_dir="$(swift build --show-bin-path)/Modules"
triple=$(swift -print-target-info | python3 -c 'import json,sys; print(json.load(sys.stdin)["target"]["triple"])')
out=.build/documentation
rm -rf "$out" && mkdir -p "$out"
status=0
for module in "${modules[@]}"; do
    catalog="Sources/$module/$module.docc"
    [ -d "$catalog" ] || { echo "build.sh: $catalog is missing" >&2; status=1; continue; }
    own="$out/graphs/$module"
    mkdir -p "$own"
    if ! swift-symbolgraph-extract -module-name "$module" -target "$triple" -I "$modules_dir" \
        -minimum-access-level public -output-dir "$own" > "$out/$module.log" 2>&1; then
        echo "docs: $module: no symbol graph" >&2
        head -20 "$out/$module.log" >&2
        status=1
        continue
    fi
    # The landing page lists the module's whole public surface: every public
    # top-level symbol is linked from it (a new public type must be placed).
    if ! python3 - "$own/$module.symbols.json" "$catalog/$module.md" <<'PY'
import json, re, sys
graph, page = json.load(open(sys.argv[1])), open(sys.argv[2]).read()
listed = set(re.findall(r"``([A-Za-z_][A-Za-z0-9_]*)", page))
top = sorted({s["pathComponents"][0] for s in graph["symbols"]
              if s.get("accessLevel") == "public" and len(s["pathComponents"]) == 1})
missing = [name for name in top if re.sub(r"\(.*", "", name) not in listed]
print(f"docs: {graph['module']['name']}: {len(top)} public top-level symbols")
if missing:
    print(f"docs: not listed on the landing page {sys.argv[2]}: {', '.join(missing)}", file=sys.stderr)
    sys.exit(1)
PY
    then
        status=1
    fi
    if docc convert "$catalog" --additional-symbol-graph-dir "$own" --output-dir "$out/$module.doccarchive" \
        --fallback-display-name "$module" --fallback-bundle-identifier "cognito-feedback.$module" \
        --warnings-as-errors "${hosting[@]}" > "$out/$module.log" 2>&1; then
        echo "docs: $module"
    else
        echo "docs: $module FAILED" >&2
        grep -E "warning|error" "$out/$module.log" | head -40 >&2
        status=1
    fi
done
exit $status
