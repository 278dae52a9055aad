package rules

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/cvlint/cvlint/rules/mojibake"
)

// MojibakeAnalysis finds mojibake once per file, in the prose view (code
// and URLs are not text a reader reads as words). Offsets are absolute.
var MojibakeAnalysis = &Analysis{Name: "mojibake", Requires: []*Analysis{ProseAnalysis}, Run: findMojibake}

// MojibakeOf returns the mojibake hits of the pass's document.
func MojibakeOf(p *Pass) []mojibake.Hit { return p.ResultOf(MojibakeAnalysis).([]mojibake.Hit) }

func findMojibake(d *Document) any {
	text := d.Result(ProseAnalysis).(*Prose).Text
	var hits []mojibake.Hit
	// Every mojibake character is a valid UTF-8 sequence, whose lead byte
	// is 0xC2 or more: a line without one is ASCII and stray bytes, which
	// decode to U+FFFD, no codec's character. Only the lines around such
	// bytes are searched, line by line as before.
	for off := 0; off < len(text); {
		i := indexLead(text[off:])
		if i < 0 {
			break
		}
		i += off
		start := off
		if j := bytes.LastIndexByte(text[off:i], '\n'); j >= 0 {
			start = off + j + 1
		}
		end := bytes.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		if !mojibake.MayHold(text[start:end]) {
			off = end + 1
			continue
		}
		for _, h := range mojibake.Find(string(text[start:end])) {
			h.Start += start
			h.End += start
			hits = append(hits, h)
		}
		off = end + 1
	}
	return hits
}

// indexLead returns the index of the first byte of b that is 0xC2 or
// more (the lead byte of a multi-byte UTF-8 sequence), or -1; it skips
// ASCII eight bytes at a time.
func indexLead(b []byte) int {
	i := 0
	for {
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&hiBits == 0 {
			i += 8
		}
		if i >= len(b) {
			return -1
		}
		if b[i] >= 0xC2 {
			return i
		}
		i++
	}
}

// Mojibake reports UTF-8 text that was decoded with the wrong character
// set and saved again; the fix restores the original characters.
var Mojibake = Register(&Rule{
	ID:       "mojibake",
	Title:    "text was decoded with the wrong character set",
	Severity: Error,
	SafeFix:  true,
	Requires: []*Analysis{MojibakeAnalysis},
	Doc: Doc{
		Why:  "When a UTF-8 file is opened as Windows-1252, Mac Roman or Latin-1 and saved again, every accent, typographic quote, dash and emoji turns into two or three wrong characters: `RÃ©sumÃ©`, `Iâ€™m`, `syst√®mes`, `ðŸ“§`. A reader sees it at once; a spell checker does not. cvlint recognises single and double encodings, including Mac Roman text whose lead character was dropped (`üìß` for 📧, `‚Äî` for —), names the encoding, and `--fix` restores the original text byte for byte. Correct accented text (`Müller`, `São Paulo`, `garçon`), symbols such as `©`, `°`, `±`, `√2`, and a lone `Ã` in an all-caps name are left alone.",
		Bad:  "## ExpÃ©rience professionnelle\nIâ€™m a platform engineer â€“ ðŸ“§ jane@example.com\nIngÃƒÂ©nieur systÃ¨mes, syst√®mes embarqu√©s",
		Good: "## Expérience professionnelle\nI’m a platform engineer – 📧 jane@example.com\nIngénieur systèmes, systèmes embarqués",
	},
	Run: runMojibake,
})

func runMojibake(p *Pass) {
	for _, h := range MojibakeOf(p) {
		how := "UTF-8 read as " + h.Encoding
		if h.Layers > 1 {
			how = fmt.Sprintf("UTF-8 read as %s %d times", h.Encoding, h.Layers)
		}
		p.Report(Finding{
			Start:   h.Start,
			End:     h.End,
			Message: fmt.Sprintf("mojibake: %q looks like %s; it should read %q", string(p.Doc.Source[h.Start:h.End]), how, h.Repaired),
			Fix:     &Fix{Edits: []Edit{{Start: h.Start, End: h.End, New: h.Repaired}}},
		})
	}
}
