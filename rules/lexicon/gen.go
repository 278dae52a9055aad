//go:build ignore

// gen builds the compressed word lists under data/ from the Debian and npm
// sources installed by generate.sh. Run it through generate.sh, not by hand.
//
// Output format (one word a line, gzip): a line "#flat" or "#ranked" opens a
// band. Words of a ranked band are in frequency order; words of a flat band
// share one frequency (the band's middle rank). Bands come most frequent first.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

func main() {
	scowl := flag.String("scowl", "/usr/share/dict/scowl", "SCOWL directory")
	wamerican := flag.String("wamerican", "/usr/share/dict/american-english-large", "wamerican-large list")
	frUnmunched := flag.String("fr-unmunched", "", "unmunch output of hunspell-fr-classical")
	frFreq := flag.String("fr-freq", "", "directory holding zxcvbn-ts language-fr src/*.json")
	out := flag.String("out", "data", "output directory")
	flag.Parse()

	must(writeBands(filepath.Join(*out, "en.txt.gz"), english(*scowl, *wamerican)))
	must(writeBands(filepath.Join(*out, "fr.txt.gz"), french(*frUnmunched, *frFreq)))
}

type band struct {
	ranked bool
	words  []string
}

// word lower-cases w and keeps it only when it is made of letters alone:
// the segmenter only ever sees letter runs, so anything else is dead weight.
func word(w string) (string, bool) {
	w = strings.ToLower(strings.TrimSpace(w))
	if w == "" {
		return "", false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return "", false
		}
	}
	return w, true
}

func english(scowl, wamerican string) []band {
	// SCOWL size levels stand in for frequency. British and Canadian spellings
	// are English words too (internationalisation, colour).
	levels := []int{10, 20, 35, 40, 50, 55, 60, 70}
	seen := map[string]bool{}
	var bands []band
	for _, l := range levels {
		var b band
		for _, kind := range []string{"english", "american", "british", "canadian"} {
			for _, w := range readLines(filepath.Join(scowl, fmt.Sprintf("%s-words.%d", kind, l))) {
				if w, ok := word(w); ok && !seen[w] {
					seen[w] = true
					b.words = append(b.words, w)
				}
			}
		}
		slices.Sort(b.words)
		bands = append(bands, b)
	}
	// The rest of wamerican-large (proper names, rarer forms) is known but rare.
	var rest band
	for _, w := range readLines(wamerican) {
		if w, ok := word(w); ok && !seen[w] {
			seen[w] = true
			rest.words = append(rest.words, w)
		}
	}
	slices.Sort(rest.words)
	return append(bands, rest)
}

func french(unmunched, freqDir string) []band {
	lex := map[string]bool{}
	for _, line := range readLines(unmunched) {
		// unmunch leaves continuation flags ("gestions/D'Q'|"), morphological
		// fields ("de po:prep") and a literal "0" for an empty affix ("dette0").
		if i := strings.IndexAny(line, "/ \t"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSuffix(line, "0")
		if w, ok := word(line); ok {
			lex[w] = true
		}
	}
	// Two frequency lists of one package, each deduplicated against the other
	// only in part: interleave them by rank so that neither dominates.
	var subtitles, wikipedia []string
	readJSON(filepath.Join(freqDir, "commonWords.json"), &subtitles)
	readJSON(filepath.Join(freqDir, "wikipedia.json"), &wikipedia)
	seen := map[string]bool{}
	var ranked band
	ranked.ranked = true
	for i := 0; i < max(len(subtitles), len(wikipedia)); i++ {
		for _, list := range [][]string{wikipedia, subtitles} {
			if i >= len(list) {
				continue
			}
			w, ok := word(list[i])
			// Keep what hunspell knows, plus loanwords of 4+ letters that are
			// frequent in French text (cloud, manager); shorter unknown
			// tokens are mostly noise (ll, id, br).
			if !ok || seen[w] || (!lex[w] && (len(w) < 4 || i > 20000)) {
				continue
			}
			seen[w] = true
			ranked.words = append(ranked.words, w)
		}
	}
	var rest band
	for w := range lex {
		if !seen[w] {
			rest.words = append(rest.words, w)
		}
	}
	slices.Sort(rest.words)
	return []band{ranked, rest}
}

func writeBands(path string, bands []band) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	n := 0
	for _, b := range bands {
		if b.ranked {
			bw.WriteString("#ranked\n")
		} else {
			bw.WriteString("#flat\n")
		}
		for _, w := range b.words {
			bw.WriteString(w)
			bw.WriteByte('\n')
		}
		n += len(b.words)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d words in %d bands\n", path, n, len(bands))
	return f.Close()
}

func readLines(path string) []string {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil // not every SCOWL level exists for every variety
	}
	must(err)
	return strings.Split(string(data), "\n")
}

func readJSON(path string, v any) {
	data, err := os.ReadFile(path)
	must(err)
	must(json.Unmarshal(data, v))
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
