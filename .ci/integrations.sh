#!/usr/bin/env bash
# The places CI users get the tool from, tried as they use them:
#
# - the release script (Scripts/release.sh) writes the tarball and SHA256SUMS;
# - the GitHub Action (action.yml): its run steps pass shellcheck, take no
#   `${{ }}` expression into a script (inputs come through env), and, run as
#   GitHub runs them against a copy of the release laid out as GitHub serves
#   it (file://), install the binary by checksum, refuse a tampered tarball,
#   and lint (github and sarif formats, pass and fail);
# - the pre-commit hook (.pre-commit-hooks.yaml): `pre-commit try-repo` on a
#   temporary repository fails on an invalid body and passes on a valid one.
#
# Installs shellcheck (Debian) and pre-commit (PyPI, pinned, in its own
# virtual environment) when missing.
#
# Usage: .ci/integrations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PRE_COMMIT_VERSION=4.7.0

fail() { printf 'integrations: %s\n' "$*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v shellcheck >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq shellcheck >/dev/null
fi
venv="${TMPDIR:-/tmp}/cognito-feedback-pre-commit-venv"
if [[ "$("$venv/bin/pre-commit" --version 2>/dev/null)" != "pre-commit $PRE_COMMIT_VERSION" ]]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
fi

# --- Our own scripts.
shellcheck -s bash .ci/static-binary.sh .ci/integrations.sh Scripts/release.sh

# --- The action's run steps: extracted, checked, then run.
"$venv/bin/python" - action.yml "$work/steps" <<'EOF'
import os, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
assert action["runs"]["using"] == "composite", "a composite action"
os.makedirs(sys.argv[2])
for number, step in enumerate(action["runs"]["steps"], 1):
    script = step["run"]
    if "${{" in script:
        sys.exit(f"step {number} ({step['name']}): a ${{{{ }}}} expression inside run: pass it through env")
    assert step["shell"] == "bash", f"step {number}: shell bash"
    with open(os.path.join(sys.argv[2], f"{number}.sh"), "w") as out:
        out.write("#!/usr/bin/env bash\n" + script)
EOF
shellcheck -s bash "$work"/steps/*.sh
echo "integrations: action.yml: $(find "$work/steps" -name '*.sh' | wc -l) run steps pass shellcheck"

# The release, laid out as GitHub serves it: SERVER/OWNER/REPO/releases/download/vVERSION/.
Scripts/release.sh "$work/dist" >/dev/null
tarball=$(cd "$work/dist" && echo cognito-feedback-*-linux-x86_64.tar.gz)
version=${tarball#cognito-feedback-}
version=${version%-linux-x86_64.tar.gz}
[[ -f "$work/dist/$tarball" && -f "$work/dist/SHA256SUMS" ]] || fail "the release script wrote no tarball or SHA256SUMS"
(cd "$work/dist" && sha256sum --check --strict --quiet SHA256SUMS) || fail "SHA256SUMS does not match the tarball"
downloads="$work/server/owner/cognito-feedback/releases/download/v$version"
mkdir -p "$downloads"
mv "$work/dist/$tarball" "$work/dist/SHA256SUMS" "$downloads/"

# Runs step N of the action as a GitHub runner does (env as the action maps it).
step() {  # step N RUNNER_TEMP [NAME=VALUE...]
  local number=$1 temp=$2; shift 2
  (cd "$work/user" && env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$temp" GITHUB_PATH="$temp/path" \
    GITHUB_OUTPUT="$temp/output" "$@" bash -e "$work/steps/$number.sh")
}
mkdir -p "$work/user/requests/nested"
printf '%s\n' '{"UserPoolId":"us-east-1_EXAMPLE","Username":"alice","EventId":"e-1","FeedbackToken":"abc.def=","FeedbackValue":"Valid"}' \
  >"$work/user/requests/nested/valid.json"
printf '%s\n' '{"UserPoolId":"us-east-1_EXAMPLE","Username":"alice","EventId":"e 1","FeedbackToken":"abc.def=","FeedbackValue":"valid"}' \
  >"$work/user/invalid.json"
install=(VERSION="$version" REPOSITORY=owner/cognito-feedback SERVER="file://$work/server")
mkdir "$work/runner"
step 1 "$work/runner" "${install[@]}" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "the action's install step failed"; }
installed=$(cat "$work/runner/path")
[[ -x "$installed/cognito-feedback" ]] || fail "the install step put no cognito-feedback on GITHUB_PATH"
PATH="$installed:$PATH"
lint=(OPERATION=UpdateAuthEventFeedback JSONL=false SARIF_FILE=out.sarif)
step 2 "$work/runner" "${lint[@]}" FILE_PATTERNS='requests/**/*.json' FORMAT=github >"$work/pass.log" 2>&1 \
  || { cat "$work/pass.log"; fail "the action's lint step failed on a valid body"; }
status=0
step 2 "$work/runner" "${lint[@]}" FILE_PATTERNS='invalid.json requests/**/*.json' FORMAT=github >"$work/fail.log" 2>&1 || status=$?
if ! { [[ $status -eq 1 ]] && grep -q '^::error file=invalid.json,line=1,col=' "$work/fail.log"; }; then
  cat "$work/fail.log"
  fail "the action's lint step did not fail with annotations on an invalid body (exit $status)"
fi
status=0
step 2 "$work/runner" "${lint[@]}" FILE_PATTERNS='invalid.json' FORMAT=sarif >/dev/null 2>&1 || status=$?
if ! { [[ $status -eq 1 ]] && grep -q '"ruleId" *: *"EventId/pattern"' "$work/user/out.sarif" \
  && grep -q '^sarif-file=out.sarif$' "$work/runner/output"; }; then
  fail "the action's sarif lint wrote no SARIF result (exit $status)"
fi
# A tarball that does not match SHA256SUMS is refused.
printf 'x' >>"$downloads/cognito-feedback-$version-linux-x86_64.tar.gz"
mkdir "$work/runner-tampered"
if step 1 "$work/runner-tampered" "${install[@]}" >"$work/tampered.log" 2>&1; then
  fail "the action installed a tarball whose checksum does not match"
fi
[[ ! -s "$work/runner-tampered/path" ]] || fail "a tampered tarball reached GITHUB_PATH"
echo "integrations: action.yml installs by checksum (a tampered tarball refused) and lints (github, sarif)"

# --- SwiftPM: the README's lines resolve, by path for a checkout beside the
# user's package, and by URL with `from:` against a release tag (v-prefixed).
git clone -q "$root" "$work/side/cognito-feedback"
git -C "$work/side/cognito-feedback" tag "v$version"
for dependency in '.package(path: "../cognito-feedback")' \
                  ".package(url: \"file://$work/side/cognito-feedback\", from: \"$version\")"; do
  rm -rf "$work/side/app"
  mkdir -p "$work/side/app/Sources/App"
  echo 'import FeedbackRules' >"$work/side/app/Sources/App/main.swift"
  cat >"$work/side/app/Package.swift" <<EOF
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "App", dependencies: [$dependency],
                      targets: [.executableTarget(name: "App", dependencies: [.product(name: "FeedbackRules", package: "cognito-feedback")])])
EOF
  (cd "$work/side/app" && swift package resolve >/dev/null && swift package describe >/dev/null) \
    || fail "SwiftPM cannot resolve $dependency"
done
echo "integrations: SwiftPM resolves the README's package lines (path beside, URL from: $version)"

# --- The pre-commit hook, through try-repo on a temporary repository.
export PRE_COMMIT_HOME="$work/pre-commit-home" GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@localhost \
  GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@localhost
repository="$work/hooked"
git init -q "$repository"
cp "$work/user/requests/nested/valid.json" "$repository/valid.json"
cp "$work/user/invalid.json" "$repository/invalid.json"
git -C "$repository" add valid.json invalid.json
(cd "$repository" && "$venv/bin/pre-commit" try-repo "$root" cognito-feedback-lint --files valid.json) >"$work/hook-pass.log" 2>&1 \
  || { tail -40 "$work/hook-pass.log"; fail "the pre-commit hook failed on a valid body"; }
status=0
(cd "$repository" && "$venv/bin/pre-commit" try-repo "$root" cognito-feedback-lint --files invalid.json) >"$work/hook-fail.log" 2>&1 \
  || status=$?
if ! { [[ $status -ne 0 ]] && grep -q "invalid.json: InvalidParameterException" "$work/hook-fail.log"; }; then
  tail -40 "$work/hook-fail.log"
  fail "the pre-commit hook did not fail on an invalid body"
fi
echo "integrations: pre-commit try-repo: the hook passes a valid body and fails an invalid one"
