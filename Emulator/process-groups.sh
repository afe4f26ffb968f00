# Sourced by ci.sh and bench.sh: a work folder ($work), and the servers they
# start, each in its own process group (its id appended to $pids), killed as
# groups, with the folder removed, when the script exits.
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
