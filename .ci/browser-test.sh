#!/usr/bin/env bash
# Renders the HTML report of testdata/html/cvs in a real browser (Debian's
# headless Chromium) and checks the page the browser built:
#   - as many finding rows as `cvlint --format json` reports findings;
#   - as many summary rows as files;
#   - as many timeline bars in the DOM as in the HTML cvlint wrote (the
#     script must not drop any) and, once the engine fills
#     FileResult.Timeline, one per dated entry `cvlint timeline` finds;
#   - no script error and no Content-Security-Policy violation;
#   - a PNG screenshot renders.
# Usage: bash .ci/browser-test.sh [--update-screenshot]
#   --update-screenshot also copies the screenshot to docs/report.png.
# Standalone and idempotent; prints PASS or FAIL and exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

update=0
case "${1:-}" in
  --update-screenshot) update=1 ;;
  "") ;;
  *) echo "usage: $0 [--update-screenshot]" >&2; exit 2 ;;
esac

fail() { echo "FAIL: $*"; exit 1; }
count() { { grep -o -- "$1" "$2" || true; } | wc -l | tr -d ' '; }

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/cvlint" ./cmd/cvlint

# One run writes both reports, so they describe the same results. Run from
# testdata/html so the report shows short paths (cvs/alice-martin.md).
(cd testdata/html && "$tmp/cvlint" --now 2026-01-15 --fail-on none \
  --format json="$tmp/report.json" --format html="$tmp/report.html" cvs) ||
  fail "cvlint exited $? on testdata/html/cvs"

# The JSON report is indented by two spaces: the summary's keys sit at four.
want_findings=$(sed -nE 's/^    "findings": ([0-9]+),?$/\1/p' "$tmp/report.json")
want_files=$(sed -nE 's/^    "files": ([0-9]+),?$/\1/p' "$tmp/report.json")
[ -n "$want_findings" ] && [ -n "$want_files" ] || fail "no summary in the JSON report"
[ "$want_findings" -gt 0 ] || fail "the fixtures have no findings; the test would prove nothing"

chrome() {
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$tmp")" --enable-logging=stderr --v=0 "$@"
}
chrome --dump-dom "file://$tmp/report.html" >"$tmp/dom.html" 2>"$tmp/dom.log" ||
  { cat "$tmp/dom.log"; fail "chromium --dump-dom failed"; }
chrome --hide-scrollbars --window-size=1280,1600 --screenshot="$tmp/report.png" \
  "file://$tmp/report.html" >/dev/null 2>"$tmp/shot.log" ||
  { cat "$tmp/shot.log"; fail "chromium --screenshot failed"; }

ok=1
check() { # name got want
  if [ "$2" = "$3" ]; then echo "ok   $1: $2"; else echo "FAIL $1: got $2, want $3"; ok=0; fi
}
check "finding rows in the DOM" "$(count '<li class="finding"' "$tmp/dom.html")" "$want_findings"
check "summary rows in the DOM" "$(count '<td class="file"' "$tmp/dom.html")" "$want_files"
src_bars=$(count '<g class="bar"' "$tmp/report.html")
dom_bars=$(count '<g class="bar"' "$tmp/dom.html")
check "timeline bars, DOM vs HTML" "$dom_bars" "$src_bars"
# The script ran: it leaves the page as written, and the File column sorted.
check "sortable header in the DOM" "$(count 'aria-sort="ascending"' "$tmp/dom.html")" 1
if grep -E "Uncaught|Refused to|Content.Security.Policy" "$tmp/dom.log" "$tmp/shot.log"; then
  echo "FAIL the page logged a script error or a CSP violation"; ok=0
fi

# The bars the report should draw: one per dated entry that `cvlint
# timeline` finds (each prints one "endKind" in its JSON).
want_bars=0
for f in testdata/html/cvs/*; do
  n=$("$tmp/cvlint" timeline --format json --now 2026-01-15 "$f" 2>/dev/null | grep -c '"endKind": ' || true)
  want_bars=$((want_bars + n))
done
if [ "$dom_bars" -gt 0 ]; then
  check "timeline bars vs dated entries (cvlint timeline)" "$dom_bars" "$want_bars"
else
  echo "note: the report draws no timeline bar although cvlint timeline finds $want_bars dated entries:"
  echo "      the engine does not fill FileResult.Timeline yet (Settings.WantTimeline); this check becomes"
  echo "      strict (bars = dated entries, > 0) as soon as it does"
fi

if [ "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] &&
  [ "$(wc -c <"$tmp/report.png")" -gt 10000 ]; then
  echo "ok   screenshot: $(wc -c <"$tmp/report.png") bytes"
else
  echo "FAIL the screenshot is not a PNG"; ok=0
fi
if [ "$update" = 1 ]; then
  mkdir -p docs
  cp "$tmp/report.png" docs/report.png
  echo "wrote docs/report.png"
fi

echo "($((SECONDS - start)) s)"
[ "$ok" = 1 ] || fail "the HTML report in Chromium"
echo "PASS: the HTML report in Chromium"
