package rules

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names as they appear in messages and in Document.Encoding.
const (
	EncUTF8        = "UTF-8"
	EncUTF8BOM     = "UTF-8 with BOM"
	EncUTF16LE     = "UTF-16LE"
	EncUTF16BE     = "UTF-16BE"
	EncWindows1252 = "Windows-1252"
	EncLatin1      = "Latin-1 (ISO-8859-1)"
)

// ErrBinary is returned for files that hold a NUL byte in their first 8 KiB
// and carry no UTF-16 byte-order mark: they are not text.
var ErrBinary = errors.New("binary file (NUL byte in the first 8 KiB), not a CV")

// Span is a byte range of the decoded source.
type Span struct{ Start, End int }

// Decoded is a file turned into UTF-8 text that the parser can take.
type Decoded struct {
	Text     []byte
	Encoding string
	// BOM is the number of bytes of byte-order mark stripped from the file.
	// It is kept so that --fix can write the mark back.
	BOM int
	// Invalid lists the spans of Text that came from bytes that were not
	// UTF-8, decoded as Encoding (Windows-1252 or Latin-1).
	Invalid []Span
	// valid is set when Decode has seen that Text is UTF-8 as it is, so
	// that nobody checks it again.
	valid bool
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode detects the encoding of raw and returns UTF-8 text. A UTF-8 BOM is
// stripped before parsing because goldmark would otherwise turn a first
// heading into a paragraph.
func Decode(raw []byte) (Decoded, error) {
	switch {
	case bytes.HasPrefix(raw, utf8BOM):
		d := decodeUTF8(raw[3:])
		d.BOM = 3
		if d.Encoding == EncUTF8 {
			d.Encoding = EncUTF8BOM
		}
		return d, nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		enc := EncUTF16LE
		end := unicode.LittleEndian
		if raw[0] == 0xFE {
			enc, end = EncUTF16BE, unicode.BigEndian
		}
		out, err := unicode.UTF16(end, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return Decoded{}, fmt.Errorf("cannot decode %s: %w", enc, err)
		}
		return Decoded{Text: out, Encoding: enc, BOM: 2}, nil
	}
	head := raw
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return Decoded{}, ErrBinary
	}
	return decodeUTF8(raw), nil
}

// decodeUTF8 keeps valid UTF-8 as it is and decodes each invalid byte as a
// single-byte character, so a mostly-UTF-8 file with a few pasted
// Windows-1252 bytes still lines up with what the user sees.
func decodeUTF8(b []byte) Decoded {
	if utf8.Valid(b) {
		return Decoded{Text: b, Encoding: EncUTF8, valid: true}
	}
	// Bytes 0x80–0x9F are typographic characters in Windows-1252 and
	// invisible C1 controls in Latin-1, so their presence decides.
	enc := EncLatin1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 && b[i] >= 0x80 && b[i] <= 0x9F {
			enc = EncWindows1252
			break
		}
		i += n
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	var invalid []Span
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n != 1 {
			out = append(out, b[i:i+n]...)
			i += n
			continue
		}
		start := len(out)
		for i < len(b) {
			r, n = utf8.DecodeRune(b[i:])
			if r != utf8.RuneError || n != 1 {
				break
			}
			out = utf8.AppendRune(out, singleByte(enc, b[i]))
			i++
		}
		invalid = append(invalid, Span{start, len(out)})
	}
	return Decoded{Text: out, Encoding: enc, Invalid: invalid}
}

func singleByte(enc string, c byte) rune {
	if enc == EncWindows1252 {
		r := charmap.Windows1252.DecodeByte(c)
		if r != utf8.RuneError {
			return r
		}
	}
	return rune(c) // Latin-1 is the first 256 code points
}
