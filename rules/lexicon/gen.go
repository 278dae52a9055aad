//go:build ignore

// gen builds the word lists under data/ from the Debian and npm sources
// installed by generate.sh. Run it through generate.sh, not by hand; with
// -from-text it only rebuilds the binary tables from the committed text
// lists, which needs neither apt nor npm:
//
//	cd rules/lexicon && go run gen.go -from-text
//
// It writes two files per language:
//
//   - <lang>.txt.gz, the source form (one word a line, gzip): a line "#flat"
//     or "#ranked" opens a band. Words of a ranked band are in frequency
//     order; words of a flat band share one frequency (the band's middle
//     rank). Bands come most frequent first. Nothing reads it at run time:
//     it is what a reviewer diffs, and what the tests check the tables
//     against.
//   - <lang>.lex, the table the package embeds and reads in place, laid out
//     as described in table.go: the words sorted byte-wise, back to back,
//     with their offsets and ranks. The function words of words.go (read
//     from its source) are merged in with their own ranks, as the package
//     used to do at load time.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	scowl := flag.String("scowl", "/usr/share/dict/scowl", "SCOWL directory")
	wamerican := flag.String("wamerican", "/usr/share/dict/american-english-large", "wamerican-large list")
	frUnmunched := flag.String("fr-unmunched", "", "unmunch output of hunspell-fr-classical")
	frFreq := flag.String("fr-freq", "", "directory holding zxcvbn-ts language-fr src/*.json")
	out := flag.String("out", "data", "output directory")
	fromText := flag.Bool("from-text", false, "rebuild the .lex tables from the .txt.gz lists in -out only")
	flag.Parse()

	function := functionWords("words.go")
	for _, lang := range []string{"en", "fr"} {
		text := filepath.Join(*out, lang+".txt.gz")
		var bands []band
		switch {
		case *fromText:
			bands = readBands(text)
		case lang == "en":
			bands = english(*scowl, *wamerican)
		default:
			bands = french(*frUnmunched, *frFreq)
		}
		if !*fromText {
			must(writeBands(text, bands))
		}
		must(writeTable(filepath.Join(*out, lang+".lex"), bands, function[lang]))
	}
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

// readBands reads a list written by writeBands.
func readBands(path string) []band {
	f, err := os.Open(path)
	must(err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	must(err)
	raw, err := io.ReadAll(zr)
	must(err)
	var bands []band
	for line := range strings.Lines(string(raw)) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "#"):
			bands = append(bands, band{ranked: line == "#ranked"})
		case line != "":
			if len(bands) == 0 {
				must(fmt.Errorf("%s: a word before the first band", path))
			}
			bands[len(bands)-1].words = append(bands[len(bands)-1].words, line)
		}
	}
	return bands
}

// functionWords reads the functionWords lists of words.go, language code →
// words most frequent first, so that the tables carry their ranks.
func functionWords(path string) map[string][]string {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	must(err)
	out := map[string][]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "functionWords" {
			return true
		}
		for _, elt := range spec.Values[0].(*ast.CompositeLit).Elts {
			kv := elt.(*ast.KeyValueExpr)
			lang := strings.ToLower(kv.Key.(*ast.Ident).Name)
			for _, w := range kv.Value.(*ast.CompositeLit).Elts {
				s, err := strconv.Unquote(w.(*ast.BasicLit).Value)
				must(err)
				out[lang] = append(out[lang], s)
			}
		}
		return false
	})
	if len(out["en"]) == 0 || len(out["fr"]) == 0 {
		must(fmt.Errorf("%s: no functionWords for en and fr", path))
	}
	return out
}

// writeTable writes the binary table of table.go. Ranks are those the
// package computed when it parsed the text lists: a word of a ranked band
// ranks by its position in the list, a word of a flat band at the band's
// middle, and the i-th function word ranks i+1 whatever the lists say.
func writeTable(path string, bands []band, function []string) error {
	rank := map[string]uint32{}
	var bandEnds []uint32
	n := 0
	for _, b := range bands {
		start, end := n, n+len(b.words)
		for _, w := range b.words {
			if _, dup := rank[w]; dup {
				return fmt.Errorf("%s: %q listed twice", path, w)
			}
			r := uint32(n + 1)
			if !b.ranked {
				r = uint32((start+end)/2 + 1)
			}
			rank[w] = r
			n++
		}
		bandEnds = append(bandEnds, uint32(end))
	}
	for i, w := range function {
		rank[w] = uint32(i + 1)
	}
	words := make([]string, 0, len(rank))
	distinct := map[uint32]bool{}
	for w, r := range rank {
		if strings.Contains(w, "\n") || w == "" {
			return fmt.Errorf("%s: bad word %q", path, w)
		}
		words = append(words, w)
		distinct[r] = true
	}
	slices.Sort(words)
	ranks := make([]uint32, 0, len(distinct))
	for r := range distinct {
		ranks = append(ranks, r)
	}
	slices.Sort(ranks)
	if len(ranks) > 1<<16 {
		return fmt.Errorf("%s: %d distinct ranks do not fit a uint16 index", path, len(ranks))
	}
	var blob bytes.Buffer
	offsets := make([]uint32, 0, len(words)+1)
	rankIdx := make([]uint16, 0, len(words))
	for _, w := range words {
		offsets = append(offsets, uint32(blob.Len()))
		blob.WriteString(w)
		i, _ := slices.BinarySearch(ranks, rank[w])
		rankIdx = append(rankIdx, uint16(i))
	}
	offsets = append(offsets, uint32(blob.Len()))
	if blob.Len() > 1<<31 {
		return fmt.Errorf("%s: words too long for uint32 offsets", path)
	}

	var buf bytes.Buffer
	buf.WriteString("CVLX")
	le := func(v any) { binary.Write(&buf, binary.LittleEndian, v) }
	le([]uint32{1, uint32(len(words)), uint32(len(bandEnds)), uint32(len(ranks)), uint32(blob.Len())})
	le(bandEnds)
	le(ranks)
	le(offsets)
	le(rankIdx)
	buf.Write(blob.Bytes())
	fmt.Fprintf(os.Stderr, "%s: %d words, %d distinct ranks, %d bytes\n", path, len(words), len(ranks), buf.Len())
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
