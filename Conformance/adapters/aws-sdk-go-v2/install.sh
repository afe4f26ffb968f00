#!/usr/bin/env bash
# Installs aws-sdk-go-v2, smithy-go and Go from Debian's packages (pinned) and
# builds the adapter offline, in GOPATH mode against Debian's Go source tree, into
# .build-adapters/bin/aws-sdk-go-v2-adapter (git-ignored). Idempotent: apt runs
# only when a pinned package is missing; go build reuses its cache.
#
#   Conformance/adapters/aws-sdk-go-v2/install.sh
# Then:  .build-adapters/bin/aws-sdk-go-v2-adapter
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
packages=(golang-go=2:1.19~1 golang-github-aws-aws-sdk-go-v2-dev=1.17.1-3 golang-github-aws-smithy-go-dev=1.13.3-2)

missing=()
for package in "${packages[@]}"; do
    name=${package%%=*} version=${package#*=}
    [ "$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null)" = "install ok installed $version" ] \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$root/.build-adapters/bin"
cd "$here"
GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOPROXY=off CGO_ENABLED=0 \
    go build -o "$root/.build-adapters/bin/aws-sdk-go-v2-adapter" .
echo "aws-sdk-go-v2 adapter: built .build-adapters/bin/aws-sdk-go-v2-adapter ($(go version | cut -d' ' -f3), aws-sdk-go-v2 $(dpkg-query -W -f='${Version}' golang-github-aws-aws-sdk-go-v2-dev))"
