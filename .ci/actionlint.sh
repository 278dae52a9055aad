#!/usr/bin/env bash
# Lints the workflows with actionlint (built from the Go module proxy at a
# pinned version, as `go run module@version` would),
# and checks that action.yml is a composite action with the keys the
# workflows and the README rely on: actionlint reads workflows only.
# actionlint runs shellcheck on run: scripts when shellcheck is on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

actionlint=github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fail() { echo "FAIL: actionlint: $*"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
# go run builds it from the module cache; one build for both runs.
GOBIN=$tmp/bin go install "$actionlint"
lint() { "$tmp/bin/actionlint" -no-color "$@"; }

echo "== actionlint $(lint -version | head -1)"
lint .github/workflows/*.yml || fail "the workflows have problems (above)"

echo "== the README's example workflow"
# The first yaml block of the README's "GitHub Action" section.
python3 - README.md >"$tmp/readme-example.yml" <<'PY' || fail "no example workflow in the README"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = re.split(r"\n##+ ", text.split("\n### GitHub Action\n", 1)[1], maxsplit=1)[0]
m = re.search(r"^```yaml\n(.*?)^```", section, re.S | re.M)
sys.exit(0 if m and print(m.group(1), end="") is None else 1)
PY
lint "$tmp/readme-example.yml" || fail "the README's example workflow has problems (above)"
grep -q 'upload-sarif@[0-9a-f]\{40\} # v' "$tmp/readme-example.yml" || fail "the README's example does not pin upload-sarif by SHA"

echo "== action.yml"
# A local workflow that uses the action lets actionlint check action.yml's
# inputs against the with: keys, and the metadata is parsed on the way.
mkdir -p "$tmp/.github/workflows"
cp action.yml "$tmp/action.yml"
cat >"$tmp/.github/workflows/probe.yml" <<'YAML'
on: push
jobs:
  probe:
    runs-on: ubuntu-latest
    steps:
      - id: cvlint
        uses: ./
        with:
          version: latest
          paths: cvs
          args: --disable glued-words
          fail-on: error
          sarif-file: cvlint.sarif
          working-directory: .
      - run: echo "$CODE $SARIF"
        env:
          CODE: ${{ steps.cvlint.outputs.exit-code }}
          SARIF: ${{ steps.cvlint.outputs.sarif-file }}
YAML
(cd "$tmp" && git init -q . && lint .github/workflows/probe.yml) ||
	fail "action.yml does not declare what a workflow uses (above)"

# The shape actionlint does not check: composite, bash steps that read
# their inputs from env: and never splice ${{ }} into a script.
python3 - action.yml <<'PY' || fail "action.yml (above)"
import re, sys
try:
    import yaml
except ImportError:
    yaml = None
text = open(sys.argv[1], encoding="utf-8").read()
errs = []
if yaml is None:
    # No PyYAML: at least the top-level keys.
    for key in ("name:", "description:", "inputs:", "outputs:", "runs:"):
        if not re.search(r"^" + key, text, re.M):
            errs.append("no top-level " + key)
    if not re.search(r"^\s+using: composite$", text, re.M):
        errs.append("runs.using is not composite")
else:
    doc = yaml.safe_load(text)
    for key in ("name", "description", "inputs", "outputs", "runs"):
        if key not in doc:
            errs.append("no top-level " + key)
    want = {"version", "paths", "args", "fail-on", "sarif-file", "working-directory"}
    if set(doc.get("inputs", {})) != want:
        errs.append("inputs are %s, want %s" % (sorted(doc.get("inputs", {})), sorted(want)))
    if set(doc.get("outputs", {})) != {"exit-code", "sarif-file"}:
        errs.append("outputs are %s" % sorted(doc.get("outputs", {})))
    runs = doc.get("runs", {})
    if runs.get("using") != "composite":
        errs.append("runs.using is not composite")
    for i, step in enumerate(runs.get("steps", [])):
        uses = step.get("uses", "")
        if uses and not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses):
            errs.append("step %d: %s is not pinned by a full commit SHA" % (i, uses))
        if "run" in step:
            if "${{" in step["run"]:
                errs.append("step %d: ${{ }} inside run: (script injection): pass it through env:" % i)
            if step.get("shell") != "bash":
                errs.append("step %d: shell is not bash" % i)
if not re.search(r"uses: \S+@[0-9a-f]{40} # v\d+\.\d+\.\d+", text):
    errs.append("no action pinned by SHA with a # vX.Y.Z comment")
for e in errs:
    print("action.yml:", e)
sys.exit(1 if errs else 0)
PY

echo "PASS: actionlint (workflows and action.yml)"
