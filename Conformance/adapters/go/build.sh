#!/usr/bin/env bash
# Installs Go and a Go adapter's SDK from Debian's packages (pinned) and builds
# the adapter offline, in GOPATH mode against Debian's Go source tree plus the
# Go adapters' shared package (src/feedbackadapter beside this script), into
# .build-adapters/bin/NAME-adapter (git-ignored). Idempotent: apt runs only
# when a pinned package is missing; go build reuses its cache. Each Go
# adapter's install.sh calls it.
#
#   Conformance/adapters/go/build.sh NAME PACKAGE=VERSION...
#
# NAME is the adapter's folder (Conformance/adapters/NAME); each PACKAGE is a
# Debian package pinned to VERSION, the SDK's first (it is named in the line
# printed at the end), besides Go itself (golang-go, pinned here).
set -euo pipefail
if [ $# -lt 2 ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
name=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
packages=(golang-go=2:1.19~1 "$@")

missing=()
for package in "${packages[@]}"; do
    package_name=${package%%=*} version=${package#*=}
    [ "$(dpkg-query -W -f='${Status} ${Version}' "$package_name" 2>/dev/null)" = "install ok installed $version" ] \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$root/.build-adapters/bin"
cd "$here/../$name"
GO111MODULE=off GOPATH="$here:/usr/share/gocode" GOFLAGS= GOPROXY=off CGO_ENABLED=0 \
    go build -o "$root/.build-adapters/bin/$name-adapter" .
echo "$name adapter: built .build-adapters/bin/$name-adapter ($(go version | cut -d' ' -f3), $name $(dpkg-query -W -f='${Version}' "${1%%=*}"))"
