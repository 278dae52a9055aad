#!/usr/bin/env bash
# The shell half of the cvlint GitHub Action (../action.yml), kept in a
# file so that .ci/action-test.sh can run it outside GitHub.
#
#   run.sh install   install cvlint into $RUNNER_TEMP/cvlint-action/bin
#   run.sh lint      run it with --format github and write the outputs
#
# Every input arrives in an environment variable (INPUT_VERSION,
# INPUT_PATHS, INPUT_ARGS, INPUT_FAIL_ON, INPUT_SARIF_FILE,
# INPUT_WORKING_DIRECTORY, ACTION_REF), never spliced into the script by
# ${{ }}: a value is data, whatever characters it holds. PATHS and ARGS
# are split on whitespace into arrays, with no quote removal, no glob
# expansion and no eval.
set -euo pipefail

module=github.com/cvlint/cvlint
bin_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/cvlint-action/bin"
cvlint="$bin_dir/cvlint"

die() {
	# A plain ::error:: line: the message is ours, but escape it anyway.
	local msg=$1
	msg=${msg//'%'/%25}
	msg=${msg//$'\r'/%0D}
	msg=${msg//$'\n'/%0A}
	printf '::error title=cvlint action::%s\n' "$msg"
	exit 2
}

# split VALUE NAME: the whitespace-separated words of VALUE into the array
# NAME. read -d '' takes every line of a multi-line input; its status is 1
# at the end of the input, which is expected.
split() {
	local -n _out=$2
	_out=()
	IFS=$' \t\n' read -r -d '' -a _out <<<"$1" || true
}

# is_local: the action runs from a checkout of the repository being
# tested (`uses: ./`), so its folder is inside the workspace and holds
# the command's source.
is_local() {
	local action ws
	[[ -n ${GITHUB_ACTION_PATH:-} && -n ${GITHUB_WORKSPACE:-} ]] || return 1
	[[ -f $GITHUB_ACTION_PATH/cmd/cvlint/main.go ]] || return 1
	action=$(cd -- "$GITHUB_ACTION_PATH" && pwd -P)
	ws=$(cd -- "$GITHUB_WORKSPACE" && pwd -P)
	[[ $action == "$ws" || $action == "$ws"/* ]]
}

# action_ref: the ref the workflow named in `uses: cvlint/cvlint@REF`.
# github.action_ref is not promised for composite actions
# (actions/runner#2473), so fall back on the folder the runner
# downloaded the action to: …/_actions/OWNER/REPO/REF.
action_ref() {
	if [[ -n ${ACTION_REF:-} ]]; then
		printf '%s' "$ACTION_REF"
	elif [[ ${GITHUB_ACTION_PATH:-} == */_actions/*/*/* ]]; then
		printf '%s' "${GITHUB_ACTION_PATH##*/_actions/*/*/}"
	fi
}

install() {
	local version=${INPUT_VERSION:-}
	if [[ -z $version ]]; then
		if is_local; then
			version=local
		else
			version=$(action_ref)
			version=${version:-latest}
		fi
	fi
	mkdir -p -- "$bin_dir"
	if [[ $version == local ]]; then
		[[ -f ${GITHUB_ACTION_PATH:-}/cmd/cvlint/main.go ]] || die "version 'local' needs the action's own source in GITHUB_ACTION_PATH"
		echo "cvlint action: installing from the action's folder $GITHUB_ACTION_PATH"
		(cd -- "$GITHUB_ACTION_PATH" && GOBIN=$bin_dir go install ./cmd/cvlint)
	else
		# A module version, a branch or a commit. It is one argument to
		# go install whatever it holds; the pattern only gives a clear
		# error for a value that cannot be a version.
		[[ $version =~ ^[A-Za-z0-9][A-Za-z0-9._/+-]*$ ]] || die "version '$version' is not a version, branch or commit"
		echo "cvlint action: go install $module/cmd/cvlint@$version"
		GOBIN=$bin_dir go install "$module/cmd/cvlint@$version"
	fi
	"$cvlint" version
}

lint() {
	local -a paths args cmd
	local sarif=${INPUT_SARIF_FILE:-} fail_on=${INPUT_FAIL_ON:-warning} dir=${INPUT_WORKING_DIRECTORY:-.}
	[[ -x $cvlint ]] || die "cvlint is not installed: run '$0 install' first"

	cd -- "${GITHUB_WORKSPACE:-.}"
	if [[ -n $sarif ]]; then
		# cvlint splits --format on commas, and the output file takes
		# one line: refuse what would be misread rather than guess.
		[[ $sarif != *,* && $sarif != *[[:cntrl:]]* ]] || die "sarif-file must not contain a comma or a control character"
		# Relative to the workspace, like every path in a workflow, so
		# the upload step finds it whatever working-directory says.
		[[ $sarif == /* ]] || sarif=$PWD/$sarif
	fi
	cd -- "$dir" || die "working-directory '$dir' does not exist"

	split "${INPUT_PATHS:-.}" paths
	split "${INPUT_ARGS:-}" args
	((${#paths[@]})) || paths=(.)

	cmd=("$cvlint" "${args[@]}" --fail-on "$fail_on" --format github)
	# Report paths from the repository root, where GitHub places
	# annotations, whatever folder cvlint runs in.
	[[ $dir == . || $dir == /* ]] || cmd+=(--path-prefix "$dir")
	[[ -z $sarif ]] || cmd+=(--format "sarif=$sarif")
	# "--" ends the flags: a path cannot be taken for a flag or a
	# sub-command (a folder named "rules").
	cmd+=(-- "${paths[@]}")

	local code=0
	"${cmd[@]}" || code=$?

	if [[ -n ${GITHUB_OUTPUT:-} ]]; then
		{
			printf 'exit-code=%d\n' "$code"
			if [[ -n $sarif && -f $sarif ]]; then printf 'sarif-file=%s\n' "$sarif"; else printf 'sarif-file=\n'; fi
		} >>"$GITHUB_OUTPUT"
	fi
	case $code in
	0) echo "cvlint action: no finding at or above '$fail_on'" ;;
	1) echo "cvlint action: findings at or above '$fail_on' (exit code 1)" ;;
	*) echo "cvlint action: cvlint could not lint every file or was misused (exit code $code)" ;;
	esac
	return "$code"
}

case ${1:-} in
install) install ;;
lint) lint ;;
*)
	echo "usage: $0 install|lint" >&2
	exit 2
	;;
esac
