package linkcheck

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func cacheOptions(dir string, now time.Time) Options {
	o := testOptions()
	o.NoCache = false
	o.CacheDir = dir
	o.Now = func() time.Time { return now }
	return o
}

func TestCache(t *testing.T) {
	srv := newServer(t, status(200))
	dir := t.TempDir()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	run := func(o Options) Result {
		t.Helper()
		c := New(o)
		r := check1(t, c, srv.URL)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if r.Status != OK {
			t.Fatalf("got %+v", r)
		}
		return r
	}
	wantRequests := func(n int64) {
		t.Helper()
		if got := srv.requests.Load(); got != n {
			t.Errorf("server saw %d requests, want %d", got, n)
		}
	}

	run(cacheOptions(dir, now))
	wantRequests(1)
	if _, err := os.Stat(filepath.Join(dir, "links.json")); err != nil {
		t.Fatal(err)
	}

	r := run(cacheOptions(dir, now.Add(23*time.Hour)))
	wantRequests(1)
	if r.Reason != "HTTP 200 OK" || r.Code != 200 {
		t.Errorf("cached result %+v", r)
	}

	run(cacheOptions(dir, now.Add(25*time.Hour))) // expired
	wantRequests(2)

	o := cacheOptions(dir, now.Add(25*time.Hour))
	o.NoCache = true
	run(o)
	wantRequests(3)

	o = cacheOptions(dir, now.Add(26*time.Hour))
	o.CacheTTL = time.Minute
	run(o)
	wantRequests(4)
}

func TestCacheKeepsOnlyLastingResults(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", status(200))
	mux.HandleFunc("/missing", status(404))
	mux.HandleFunc("/down", status(503))
	mux.HandleFunc("/busy", status(429))
	mux.HandleFunc("/linkedin", status(999))
	srv := newServer(t, mux.ServeHTTP)
	dir := t.TempDir()
	now := time.Now()
	o := cacheOptions(dir, now)
	o.Retries = -1
	paths := []string{"/ok", "/missing", "/down", "/busy", "/linkedin"}
	var urls []string
	for _, p := range paths {
		urls = append(urls, srv.URL+p)
	}
	for range 2 {
		c := New(o)
		c.Check(t.Context(), urls)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
	// 2 cached + 3 checked twice.
	if got := srv.requests.Load(); got != 2+3*2 {
		t.Errorf("server saw %d requests, want 8", got)
	}
}

// Two runs side by side each keep the other's results.
func TestCacheMergesConcurrentWriters(t *testing.T) {
	srv := newServer(t, status(200))
	dir := t.TempDir()
	now := time.Now()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			c := New(cacheOptions(dir, now))
			c.Check(t.Context(), []string{srv.URL + "/" + string(rune('a'+i))})
			if err := c.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// Closes run concurrently and each merges what is on disk, but with no
	// lock one may still overwrite another between read and rename: a cache
	// may lose entries, never be torn. So: valid file, at least one entry.
	entries := readCacheFile(filepath.Join(dir, "links.json"))
	if len(entries) == 0 {
		t.Fatal("cache file unreadable or empty")
	}
	// Sequential closes lose nothing.
	c1, c2 := New(cacheOptions(dir, now)), New(cacheOptions(dir, now))
	c1.Check(t.Context(), []string{srv.URL + "/x"})
	c2.Check(t.Context(), []string{srv.URL + "/y"})
	c1.Close()
	c2.Close()
	entries = readCacheFile(filepath.Join(dir, "links.json"))
	for _, p := range []string{"/x", "/y"} {
		if _, ok := entries[srv.URL+p]; !ok {
			t.Errorf("%s missing from cache", p)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestCorruptCacheIsIgnored(t *testing.T) {
	srv := newServer(t, status(200))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "links.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := New(cacheOptions(dir, time.Now()))
	if r := check1(t, c, srv.URL); r.Status != OK {
		t.Errorf("got %+v", r)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := readCacheFile(filepath.Join(dir, "links.json"))[srv.URL]; !ok {
		t.Error("cache not rewritten")
	}
}

func TestExcluded(t *testing.T) {
	tests := []struct {
		pattern, url string
		want         bool
	}{
		{"https://intranet.example.com/", "https://intranet.example.com/wiki", true},
		{"https://intranet.example.com/", "https://example.com/", false},
		{"https://*.example.com/*", "https://a.b.example.com/x/y", true},
		{"https://*.example.com/*", "https://example.com/x", false},
		{"https://example.com/*.pdf", "https://example.com/a/b/cv.pdf", true},
		{"https://example.com/*.pdf", "https://example.com/cv.pdf.html", false},
		{"example.com", "https://example.com/x", true},
		{"example.com", "https://WWW.Example.com/x", true},
		{"example.com", "https://notexample.com/", false},
		{"*.example.com", "https://example.com/", false},
		{"*.example.com", "https://www.example.com/", true},
		{"ci-*.example.com", "http://ci-42.example.com:8080/", true},
		{"", "https://example.com/", false},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if _, got := excluded([]string{tt.pattern}, tt.url, u); got != tt.want {
			t.Errorf("excluded(%q, %q) = %v, want %v", tt.pattern, tt.url, got, tt.want)
		}
	}
}

func TestBotBlockingHosts(t *testing.T) {
	for _, tt := range []struct {
		host   string
		status Status
	}{
		{"www.linkedin.com", Unverified},
		{"linkedin.com", Unverified},
		{"uk.indeed.com", Unverified},
		{"medium.com", Unverified},
		{"notlinkedin.com", Broken},
		{"example.com", Broken},
	} {
		u := &url.URL{Scheme: "https", Host: tt.host, Path: "/in/someone"}
		r, retry := classifyResponse(u, &response{code: 403, header: http.Header{}, host: tt.host})
		if r.Status != tt.status || retry {
			t.Errorf("%s: got %v retry=%v, want %v", tt.host, r.Status, retry, tt.status)
		}
	}
	// The final host counts too: a short link that lands on LinkedIn.
	u := &url.URL{Scheme: "https", Host: "short.example", Path: "/x"}
	if r, _ := classifyResponse(u, &response{code: 403, header: http.Header{}, host: "www.linkedin.com"}); r.Status != Unverified {
		t.Errorf("redirected to linkedin: got %v", r.Status)
	}
}

func TestStatusText(t *testing.T) {
	for s := range Status(6) {
		var back Status
		b, _ := s.MarshalText()
		back.UnmarshalText(b)
		if s >= OK && s <= Skipped && back != s {
			t.Errorf("%v round-trips to %v", s, back)
		}
	}
}
