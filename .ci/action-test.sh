#!/usr/bin/env bash
# Runs the GitHub Action's shell steps (action/run.sh) outside GitHub, with
# a fake runner environment (GITHUB_WORKSPACE, GITHUB_ACTION_PATH,
# GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP) and the inputs as
# environment variables, as action.yml passes them. Asserts on the
# annotations, the exit code, the step outputs and the step summary, and
# that inputs holding shell syntax are never executed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

tmp=$(mktemp -d)
pwned=/tmp/cvlint-action-pwned-$$
cleanup() { rm -rf -- "$tmp" "$pwned"; }
trap cleanup EXIT

fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# contains FILE STRING: FILE holds STRING as a fixed string.
contains() { grep -qF -- "$2" "$1"; }

export GITHUB_WORKSPACE=$repo GITHUB_ACTION_PATH=$repo RUNNER_TEMP=$tmp/runner
mkdir -p "$RUNNER_TEMP"

# run_case NAME: run the lint step with the INPUT_* variables already set;
# leaves stdout in $tmp/NAME.out, the summary in $tmp/NAME.summary, the
# outputs in $tmp/NAME.output and the exit code in $code.
run_case() {
	local name=$1
	: >"$tmp/$name.summary"
	: >"$tmp/$name.output"
	code=0
	GITHUB_STEP_SUMMARY=$tmp/$name.summary GITHUB_OUTPUT=$tmp/$name.output \
		bash action/run.sh lint >"$tmp/$name.out" 2>"$tmp/$name.err" || code=$?
}

unset INPUT_VERSION INPUT_PATHS INPUT_ARGS INPUT_FAIL_ON INPUT_SARIF_FILE INPUT_WORKING_DIRECTORY ACTION_REF

echo "== install (the action runs from this checkout: builds ./cmd/cvlint)"
if bash action/run.sh install >"$tmp/install.out" 2>&1 && contains "$tmp/install.out" "installing from the action's folder" &&
	[[ -x $RUNNER_TEMP/cvlint-action/bin/cvlint ]]; then
	ok "install built $RUNNER_TEMP/cvlint-action/bin/cvlint"
else
	cat "$tmp/install.out"
	echo "FAIL: action-test (install)"
	exit 1
fi

cvs=testdata/action/cvs

echo "== findings: the example CVs, SARIF requested"
INPUT_PATHS=$cvs INPUT_FAIL_ON=warning INPUT_SARIF_FILE=$tmp/out/results.sarif INPUT_WORKING_DIRECTORY=. run_case findings
out=$tmp/findings.out
[[ $code == 1 ]] && ok "exit code 1" || fail "findings: exit code $code, want 1"
contains "$out" '::error file=testdata/action/cvs/bad.md,line=12,col=32,endLine=12,endColumn=32,title=cvlint broken-link::placeholder link target "#"' &&
	ok "error annotation for the placeholder link" || fail "findings: no ::error annotation for bad.md:12"
contains "$out" '::error file=testdata/action/cvs/bad.md,line=13,' && ok "error annotation for the bare domain" || fail "findings: no ::error annotation for bad.md:13"
contains "$out" '::warning file=testdata/action/cvs/bad.md,line=29,col=19,' && ok "warning annotation for the zero-width space" || fail "findings: no ::warning annotation for bad.md:29"
# Errors come first, then warnings.
if [[ $(grep -m1 -n '^::warning' "$out" | cut -d: -f1) -gt $(grep -c '^::error' "$out") ]]; then ok "errors before warnings"; else fail "findings: a warning before an error"; fi
if grep -q 'clean\.' "$out"; then fail "findings: a clean CV was annotated"; else ok "clean CVs not annotated"; fi
contains "$tmp/findings.output" 'exit-code=1' && ok "output exit-code=1" || fail "findings: GITHUB_OUTPUT lacks exit-code=1"
contains "$tmp/findings.output" "sarif-file=$tmp/out/results.sarif" && ok "output sarif-file" || fail "findings: GITHUB_OUTPUT lacks sarif-file"
if [[ -s $tmp/out/results.sarif ]] && contains "$tmp/out/results.sarif" '"version": "2.1.0"' && contains "$tmp/out/results.sarif" '"ruleId": "broken-link"'; then
	ok "SARIF written"
else
	fail "findings: no SARIF report with a broken-link result"
fi
sum=$tmp/findings.summary
for row in '| files | 3 |' '| errors | 2 |'; do
	contains "$sum" "$row" && ok "summary count $row" || fail "findings: summary lacks $row"
done
contains "$sum" '| testdata/action/cvs/bad.md | 12 | error | broken-link | placeholder link target "\#": "my talk" goes nowhere |' &&
	ok "summary row bad.md:12" || fail "findings: summary lacks the bad.md:12 row"
contains "$sum" '| testdata/action/cvs/bad.md | 29 | warning | invisible-chars |' && ok "summary row bad.md:29" || fail "findings: summary lacks the bad.md:29 row"

echo "== fail-on error, working-directory, two paths on two lines"
INPUT_PATHS=$'clean.md\nclean.txt' INPUT_FAIL_ON=error INPUT_WORKING_DIRECTORY=$cvs run_case clean
[[ $code == 0 ]] && ok "exit code 0" || fail "clean: exit code $code, want 0"
if grep -q '^::' "$tmp/clean.out"; then fail "clean: unexpected annotations: $(cat "$tmp/clean.out")"; else ok "no annotation"; fi
contains "$tmp/clean.output" 'exit-code=0' && ok "output exit-code=0" || fail "clean: GITHUB_OUTPUT lacks exit-code=0"
contains "$tmp/clean.summary" '| files | 2 |' && contains "$tmp/clean.summary" '| errors | 0 |' &&
	ok "summary counts 2 clean files" || fail "clean: summary counts"

echo "== fail-on error with warnings only: args pass through"
INPUT_PATHS=$cvs/bad.md INPUT_ARGS="--disable broken-link" INPUT_FAIL_ON=error run_case warnonly
[[ $code == 0 ]] && ok "exit code 0" || fail "warnonly: exit code $code, want 0"
contains "$tmp/warnonly.out" '::warning file=testdata/action/cvs/bad.md,line=29' && ok "the warning is still annotated" || fail "warnonly: no warning annotation"
if grep -q 'broken-link' "$tmp/warnonly.out"; then fail "warnonly: --disable broken-link was ignored"; else ok "--disable broken-link honoured"; fi

echo "== injection: shell syntax in paths, args and sarif-file is data"
mkdir -p "$tmp/canary"
INPUT_PATHS="\$(touch $pwned) \`touch $pwned\` ; rm -rf $tmp/canary ; $cvs/bad.md" \
	INPUT_ARGS="--exclude=\$(touch\${IFS}$pwned)/** --exclude=\`touch$IFS$pwned\`" \
	INPUT_SARIF_FILE="$tmp/\$(touch $pwned).sarif" \
	run_case inject
INPUT_PATHS="$cvs/clean.md;touch $pwned" INPUT_ARGS="\$(touch $pwned) ; rm -rf $tmp/canary" run_case inject2
[[ -d $tmp/canary ]] && ok "canary folder survives" || fail "inject: the canary folder was removed"
if [[ -e $pwned ]]; then fail "inject: $pwned was created: an input was executed"; else ok "$pwned not created"; fi
[[ $code == 2 ]] && ok "a bogus flag in args is a usage error (exit 2)" || fail "inject2: exit code $code, want 2"
# The literal path shows up as a file that cannot be read, nothing more.
contains "$tmp/inject.out" '::error file=$(touch,' && ok "the literal \$(…) path is reported as a missing file" || fail "inject: the \$(…) path was not passed literally"
contains "$tmp/inject.output" 'exit-code=2' && ok "output exit-code=2" || fail "inject: GITHUB_OUTPUT lacks exit-code=2"

echo "== a sarif-file with a comma is refused"
INPUT_PATHS=$cvs/clean.md INPUT_SARIF_FILE="$tmp/a,b.sarif" run_case comma
[[ $code == 2 ]] && contains "$tmp/comma.out" '::error title=cvlint action::sarif-file must not contain a comma' &&
	ok "refused with exit code 2" || fail "comma: exit code $code, output $(cat "$tmp/comma.out")"

echo "== version resolution (no network: go install is replaced by a stub)"
mkdir -p "$tmp/stub"
cat >"$tmp/stub/go" <<'EOF'
#!/usr/bin/env bash
printf '%s\n' "$*" >>"$STUB_LOG"
mkdir -p "$GOBIN" && printf '#!/bin/sh\necho stub\n' >"$GOBIN/cvlint" && chmod +x "$GOBIN/cvlint"
EOF
chmod +x "$tmp/stub/go"
# version_case WANT [VAR=VALUE…]: run the install step, as a remote action
# unless GITHUB_ACTION_PATH says otherwise, and compare go's arguments.
version_case() {
	local want=$1 got
	shift
	: >"$tmp/stub.log"
	env STUB_LOG="$tmp/stub.log" PATH="$tmp/stub:$PATH" RUNNER_TEMP="$tmp/stubrunner" \
		GITHUB_ACTION_PATH=/home/runner/work/_actions/cvlint/cvlint/v9.8.7 "$@" \
		bash action/run.sh install >/dev/null 2>&1 || true
	got=$(cat "$tmp/stub.log")
	[[ $got == "$want" ]] && ok "$* -> go $want" || fail "version: $* ran 'go $got', want 'go $want'"
}
version_case "install github.com/cvlint/cvlint/cmd/cvlint@v1.2.3" ACTION_REF=v1.2.3
version_case "install github.com/cvlint/cvlint/cmd/cvlint@v9.8.7" ACTION_REF=
version_case "install github.com/cvlint/cvlint/cmd/cvlint@v0.1.0" ACTION_REF=v1.2.3 INPUT_VERSION=v0.1.0
version_case "install github.com/cvlint/cvlint/cmd/cvlint@latest" ACTION_REF= GITHUB_ACTION_PATH=/opt/cvlint-action
version_case "install ./cmd/cvlint" ACTION_REF= GITHUB_ACTION_PATH="$repo"
version_case "" INPUT_VERSION='v1;touch /tmp/x'

if ((fails)); then
	echo "FAIL: action-test ($fails failed)"
	exit 1
fi
echo "PASS: action-test"
