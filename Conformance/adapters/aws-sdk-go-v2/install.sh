#!/usr/bin/env bash
# Installs aws-sdk-go-v2, smithy-go and Go from Debian's packages (pinned) and
# builds the adapter offline into .build-adapters/bin/aws-sdk-go-v2-adapter
# (git-ignored), with the Go adapters' shared build script (../go/build.sh:
# GOPATH mode against Debian's Go source tree, idempotent).
#
#   Conformance/adapters/aws-sdk-go-v2/install.sh
# Then:  .build-adapters/bin/aws-sdk-go-v2-adapter
set -euo pipefail
exec bash "$(dirname "$0")/../go/build.sh" aws-sdk-go-v2 \
    golang-github-aws-aws-sdk-go-v2-dev=1.17.1-3 golang-github-aws-smithy-go-dev=1.13.3-2
