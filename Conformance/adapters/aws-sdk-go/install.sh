#!/usr/bin/env bash
# Installs aws-sdk-go v1 and Go from Debian's packages (pinned) and builds the
# adapter offline into .build-adapters/bin/aws-sdk-go-adapter (git-ignored),
# with the Go adapters' shared build script (../go/build.sh: GOPATH mode
# against Debian's Go source tree, idempotent).
#
#   Conformance/adapters/aws-sdk-go/install.sh
# Then:  .build-adapters/bin/aws-sdk-go-adapter
set -euo pipefail
exec bash "$(dirname "$0")/../go/build.sh" aws-sdk-go golang-github-aws-aws-sdk-go-dev=1.44.133-1
