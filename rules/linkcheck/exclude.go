package linkcheck

import (
	"net/url"
	"strings"
)

// excluded returns the first pattern that matches, with the semantics the
// package doc describes.
func excluded(patterns []string, raw string, u *url.URL) (string, bool) {
	raw = strings.TrimSpace(raw)
	host := strings.ToLower(u.Hostname())
	for _, p := range patterns {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		var hit bool
		switch {
		case strings.Contains(p, "://") && strings.Contains(p, "*"):
			hit = glob(p, raw)
		case strings.Contains(p, "://"):
			hit = strings.HasPrefix(raw, p)
		case strings.Contains(p, "*"):
			hit = glob(strings.ToLower(p), host)
		default:
			d := strings.ToLower(strings.TrimPrefix(p, "."))
			hit = host == d || strings.HasSuffix(host, "."+d)
		}
		if hit {
			return p, true
		}
	}
	return "", false
}

// glob matches s against a pattern whose only metacharacter is '*', which
// matches any run of bytes. path.Match would not do: its '*' stops at '/'.
func glob(pattern, s string) bool {
	// Greedy with one backtrack point, linear in practice.
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case p < len(pattern) && pattern[p] == s[i]:
			p++
			i++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
