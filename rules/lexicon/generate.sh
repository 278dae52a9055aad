#!/usr/bin/env bash
# Rebuilds data/*.txt.gz (the word lists, source form) and data/*.lex (the
# tables cvlint embeds) from registry packages. Run as root from anywhere:
#   bash rules/lexicon/generate.sh
# To rebuild only the tables from the committed lists (after editing the
# function words of words.go, or the table layout), no apt or npm needed:
#   cd rules/lexicon && go run gen.go -from-text
# Versions used for the committed data are recorded in data/LICENSES.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

apt-get update
apt-get install -y scowl wamerican-large hunspell-fr-classical hunspell-tools
# npm usually comes with the machine's Node.js; Debian's npm conflicts with it.
command -v npm >/dev/null || apt-get install -y npm

# French frequencies: the zxcvbn-ts French package (MIT), pinned.
fr_freq_pkg="@zxcvbn-ts/language-fr@4.1.2"
(cd "$work" && npm pack --silent "$fr_freq_pkg" >/dev/null && tar xzf ./*.tgz)

# Expand hunspell affixes into the inflected French lexicon.
unmunch /usr/share/hunspell/fr.dic /usr/share/hunspell/fr.aff >"$work/fr.unmunched" 2>/dev/null

cd "$here"
go run gen.go \
	-scowl /usr/share/dict/scowl \
	-wamerican /usr/share/dict/american-english-large \
	-fr-unmunched "$work/fr.unmunched" \
	-fr-freq "$work/package/src" \
	-out data

dpkg-query -W -f='${Package} ${Version}\n' scowl wamerican-large hunspell-fr-classical hunspell-tools
echo "$fr_freq_pkg"
ls -l data
