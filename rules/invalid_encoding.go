package rules

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// InvalidEncoding reports text that is not valid UTF-8, NUL bytes and
// replacement characters: each is text a reader will see as garbage.
var InvalidEncoding = Register(&Rule{
	ID:       "invalid-encoding",
	Title:    "the file is not valid UTF-8 or has lost characters",
	Severity: Error,
	Doc: Doc{
		Why:  "A CV saved as Windows-1252 or Latin-1 shows `Ã©` or `�` instead of `é` in browsers, on GitHub and in applicant tracking systems. U+FFFD replacement characters and NUL bytes mean text was already lost in a conversion. cvlint names the encoding the bytes look like, lints a best-effort decoding, and positions refer to the decoded text. UTF-8 with or without BOM, and UTF-16 with a BOM, are fine.",
		Bad:  "Exp\\xE9rience professionnelle   (byte 0xE9: Windows-1252 \"é\")\nD�veloppeur Java",
		Good: "Expérience professionnelle\nDéveloppeur Java",
	},
	Run: runInvalidEncoding,
})

func runInvalidEncoding(p *Pass) {
	d := p.Doc
	lastLine := 0
	for _, s := range d.Invalid {
		line := d.Lines.Pos(s.Start).Line
		if line == lastLine {
			continue // one finding per line is enough to locate the damage
		}
		lastLine = line
		p.Report(Finding{Start: s.Start, End: s.End, Message: fmt.Sprintf(
			"bytes that are not UTF-8 (decoded as %q): the file looks like %s; save it as UTF-8",
			string(d.Source[s.Start:s.End]), d.Encoding)})
	}
	src := d.Source
	valid := d.valid || utf8.Valid(src)
	for i := 0; i < len(src); {
		j := indexNULOrReplacement(src[i:], valid)
		if j < 0 {
			break
		}
		i += j
		r, n := utf8.DecodeRune(src[i:])
		if inSpans(d.Invalid, i) {
			i += n
			continue
		}
		k := i + n
		for k < len(src) {
			r2, n2 := utf8.DecodeRune(src[k:])
			if r2 != r {
				break
			}
			k += n2
		}
		msg := "NUL byte in text: the file is damaged or was converted from a binary format"
		if r == utf8.RuneError {
			msg = "U+FFFD replacement character: a character was lost in a conversion; retype it"
		}
		p.Report(Finding{Start: i, End: k, Message: msg})
		i = k
	}
}

func inSpans(spans []Span, off int) bool {
	for _, s := range spans {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

// indexNULOrReplacement is bytes.IndexAny(b, "\x00\uFFFD"), which decodes
// every rune; in valid UTF-8 (the decoded source always is) two byte
// searches find the same offset.
func indexNULOrReplacement(b []byte, valid bool) int {
	if !valid {
		return bytes.IndexAny(b, "\x00\uFFFD")
	}
	j := bytes.IndexByte(b, 0)
	limit := b
	if j >= 0 {
		limit = b[:j]
	}
	if k := bytes.Index(limit, []byte("\uFFFD")); k >= 0 {
		return k
	}
	return j
}
