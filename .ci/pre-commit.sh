#!/usr/bin/env bash
# Tests the pre-commit hook (.pre-commit-hooks.yaml) with the real
# pre-commit from Debian: in a throw-away git repository holding a bad and
# a clean CV, `pre-commit try-repo <this repo> cvlint --files …` must fail
# on the bad CV and pass on the clean one. pre-commit's golang language
# runs `go install ./...` in a clone of this repository, which needs the Go
# module proxy.
#
# The clone is of HEAD: what a user gets from `rev:`. Without --ref,
# try-repo would add the uncommitted changes to tracked files but not the
# untracked files they may need, and fail on work in progress that go test
# builds fine. PRE_COMMIT_REF=worktree takes the uncommitted changes
# (commit new files first); any other value is a ref.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

fail() { echo "FAIL: pre-commit: $*"; exit 1; }

if ! command -v pre-commit >/dev/null; then
	echo "== install pre-commit (Debian)"
	apt_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends pre-commit >/dev/null; }
	apt_install || { apt-get -o DPkg::Lock::Timeout=300 update -qq && apt_install; } || fail "cannot install pre-commit"
fi
echo "== $(pre-commit --version)"

tmp=$(mktemp -d)
cleanup() {
	# Go's module cache is read-only; make it removable first.
	chmod -R u+w -- "$tmp" 2>/dev/null || true
	rm -rf -- "$tmp"
}
trap cleanup EXIT

# Hooks are built into a fresh PRE_COMMIT_HOME every run. The Go module
# cache is shared with the rest of CI so go install downloads nothing twice.
export PRE_COMMIT_HOME=$tmp/pre-commit-home
GOMODCACHE=$(go env GOMODCACHE)
export GOMODCACHE
# pre-commit clones this repository. When another user owns it (CI runs
# .ci/run under sudo) git calls it "dubious" and refuses, and git only
# takes safe.directory from the global config: give this script a HOME
# whose .gitconfig trusts this one folder and includes the real one. Go
# keeps its caches and settings.
if ! git -C "$repo" rev-parse -q --verify HEAD >/dev/null 2>&1; then
	GOCACHE=$(go env GOCACHE) GOPATH=$(go env GOPATH) GOENV=$(go env GOENV)
	export GOCACHE GOPATH GOENV
	real_home=$HOME
	export HOME=$tmp/home
	mkdir -p "$HOME"
	# The work tree for git in it, the .git folder for a fetch from it.
	printf '[include]\n\tpath = %s/.gitconfig\n[safe]\n\tdirectory = %s\n\tdirectory = %s/.git\n' \
		"$real_home" "$repo" "$repo" >"$HOME/.gitconfig"
	git -C "$repo" rev-parse -q --verify HEAD >/dev/null || fail "$repo is not a git repository with a commit"
	echo "== trusting $repo, owned by another user, for git"
fi

work=$tmp/cvs
mkdir -p "$work"
cp testdata/action/cvs/clean.md "$work/clean.md"
cp testdata/action/cvs/clean.txt "$work/clean.txt"
# The bad CV fails on a placeholder link, an error that no rule change
# will take back.
cp testdata/action/cvs/bad.md "$work/bad.md"
git -C "$work" init -q
git -C "$work" add bad.md clean.md clean.txt
git -C "$work" -c user.name=ci -c user.email=ci@example.com -c commit.gpgsign=false commit -q -m "CVs"

ref=(--ref "${PRE_COMMIT_REF:-HEAD}")
[[ ${PRE_COMMIT_REF:-} != worktree ]] || ref=()

# try FILE…: pre-commit's exit code on those files, its output in $tmp/out.
try() {
	local code=0
	(cd "$work" && pre-commit try-repo "$repo" cvlint "${ref[@]}" --verbose --color never --files "$@") >"$tmp/out" 2>&1 || code=$?
	return "$code"
}

echo "== bad.md must fail"
if try bad.md; then
	cat "$tmp/out"
	fail "the hook passed on bad.md"
fi
grep -q 'broken-link' "$tmp/out" || { cat "$tmp/out"; fail "the hook failed on bad.md, but not with a broken-link finding"; }
grep -q 'bad.md:12:32: error broken-link' "$tmp/out" || { cat "$tmp/out"; fail "no bad.md:12:32 broken-link finding"; }
echo "ok: fails with $(grep -c 'error broken-link' "$tmp/out") broken-link errors"

echo "== clean.md and clean.txt must pass"
if ! try clean.md clean.txt; then
	cat "$tmp/out"
	fail "the hook failed on the clean CVs"
fi
grep -q '^cvlint\.*Passed' "$tmp/out" || { cat "$tmp/out"; fail "the hook did not report Passed"; }
echo "ok: passes"

echo "== a file of another type is not passed to the hook"
printf 'not a CV [x](#)\n' >"$work/script.py"
if ! try script.py || ! grep -q 'no files to check' "$tmp/out"; then
	cat "$tmp/out"
	fail "the hook ran on a .py file"
fi
echo "ok: skipped"

echo "== the README's .pre-commit-config.yaml snippet is valid"
python3 - README.md >"$work/.pre-commit-config.yaml" <<'PY' || fail "no .pre-commit-config.yaml snippet in the README"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"^```yaml\n(# \.pre-commit-config\.yaml\n.*?)^```", text, re.S | re.M)
sys.exit(0 if m and print(m.group(1), end="") is None else 1)
PY
grep -q 'id: cvlint' "$work/.pre-commit-config.yaml" || fail "the README's snippet does not use the cvlint hook"
(cd "$work" && pre-commit validate-config .pre-commit-config.yaml) || fail "the README's .pre-commit-config.yaml snippet is invalid"
echo "ok: valid"

echo "PASS: pre-commit (try-repo fails on bad.md, passes on the clean CVs)"
