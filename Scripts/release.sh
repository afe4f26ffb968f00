#!/usr/bin/env bash
# Builds a release of the command-line tool: the static executable (the
# standard command, `swift build -c release --product cognito-feedback
# --static-swift-stdlib`), stripped, in
#
#   OUTDIR/cognito-feedback-VERSION-linux-x86_64.tar.gz
#          (cognito-feedback-VERSION-linux-x86_64/cognito-feedback and LICENSE)
#   OUTDIR/SHA256SUMS
#
# VERSION is what the binary's --version prints, and CHANGELOG.md must have a
# heading for it. The archive is reproducible: sorted names, owner 0, the last
# commit's time, gzip without a name or time stamp.
#
# Only linux-x86_64 is built: this toolchain has no Swift SDK for another
# target (`swift sdk list`); with one installed (e.g. the Static Linux SDK),
# `--swift-sdk aarch64-swift-linux-musl` would be the way to add aarch64.
#
# Usage: Scripts/release.sh [OUTDIR]   (default: dist/, which git ignores)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}

fail() { printf 'release: %s\n' "$*" >&2; exit 1; }
[[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] || fail "builds linux-x86_64 on linux-x86_64 only"

swift build -c release --product cognito-feedback --static-swift-stdlib >/dev/null
bin=$(swift build -c release --product cognito-feedback --static-swift-stdlib --show-bin-path)/cognito-feedback

# cognito-feedback 0.2.0 (vectors: built-in set, 762 vectors, digest 0123456789abcdef)
banner=$("$bin" --version)
version=$(sed -n 's/^cognito-feedback \([0-9][0-9A-Za-z.+-]*\) (vectors: .*digest [0-9a-f]*)$/\1/p' <<<"$banner")
[[ -n "$version" ]] || fail "cannot read the version from --version: $banner"
grep -Eq "^## ${version//./\\.}( |$)" CHANGELOG.md || fail "CHANGELOG.md has no heading for $version"

name="cognito-feedback-$version-linux-x86_64"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$bin" "$stage/$name/cognito-feedback"
strip "$stage/$name/cognito-feedback"
cp LICENSE "$stage/$name/LICENSE"
# The stripped binary still works and still says the same.
[[ "$("$stage/$name/cognito-feedback" --version)" == "$banner" ]] || fail "the stripped binary's --version differs"
"$stage/$name/cognito-feedback" vectors check >/dev/null || fail "the stripped binary fails vectors check"

mkdir -p "$out"
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name" \
  | gzip -n -9 >"$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" >SHA256SUMS)

echo "release: $banner"
echo "release: $out/$name.tar.gz ($(stat -c %s "$out/$name.tar.gz") bytes; binary $(stat -c %s "$stage/$name/cognito-feedback") bytes stripped)"
echo "release: $out/SHA256SUMS: $(cat "$out/SHA256SUMS")"
echo "release: aarch64 not built: no Swift SDK for it in this toolchain (swift sdk list)"
