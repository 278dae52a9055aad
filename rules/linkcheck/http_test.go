package linkcheck

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestStatusCodes(t *testing.T) {
	var ua atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { ua.Store(r.UserAgent()) })
	mux.HandleFunc("/missing", status(404))
	mux.HandleFunc("/gone", status(410))
	mux.HandleFunc("/no-content", status(204))
	mux.HandleFunc("/not-modified", status(304)) // a final 3xx without Location
	mux.HandleFunc("/linkedin", status(999))
	mux.HandleFunc("/challenge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(403)
	})
	mux.HandleFunc("/cloudflare", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "cloudflare")
		w.WriteHeader(403)
	})
	mux.HandleFunc("/forbidden", status(403))
	srv := newServer(t, mux.ServeHTTP)
	c := newChecker(t, testOptions())

	tests := []struct {
		path   string
		status Status
		code   int
		reason string
	}{
		{"/ok", OK, 200, "HTTP 200 OK"},
		{"/no-content", OK, 204, "HTTP 204 No Content"},
		{"/not-modified", OK, 304, "HTTP 304 Not Modified"},
		{"/missing", Broken, 404, "HTTP 404 Not Found"},
		{"/gone", Broken, 410, "HTTP 410 Gone"},
		{"/forbidden", Broken, 403, "HTTP 403 Forbidden"},
		{"/linkedin", Unverified, 999, "HTTP 999 (the site refuses automated requests)"},
		{"/challenge", Unverified, 403, "HTTP 403 Forbidden (Cloudflare bot challenge)"},
		{"/cloudflare", Unverified, 403, "HTTP 403 Forbidden (Cloudflare may be blocking automated requests)"},
	}
	var urls []string
	for _, tt := range tests {
		urls = append(urls, srv.URL+tt.path)
	}
	got := c.Check(t.Context(), urls)
	if len(got) != len(tests) {
		t.Fatalf("got %d results, want %d", len(got), len(tests))
	}
	for _, tt := range tests {
		r := got[srv.URL+tt.path]
		if r.Status != tt.status || r.Code != tt.code || r.Reason != tt.reason {
			t.Errorf("%s: got %v %d %q, want %v %d %q", tt.path, r.Status, r.Code, r.Reason, tt.status, tt.code, tt.reason)
		}
	}
	if got, want := ua.Load(), "cvlint/dev (+https://github.com/cvlint/cvlint)"; got != want {
		t.Errorf("User-Agent = %q, want %q", got, want)
	}
}

func TestRetryThenOK(t *testing.T) {
	var n atomic.Int64
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(500)
		}
	})
	o := testOptions()
	o.Backoff = 10 * time.Millisecond
	c := newChecker(t, o)
	var s sleeps
	c.sleep = s.sleep

	r := check1(t, c, srv.URL)
	if r.Status != OK {
		t.Fatalf("got %+v, want OK", r)
	}
	if got := srv.requests.Load(); got != 2 {
		t.Errorf("requests = %d, want 2", got)
	}
	if got := s.waits(); !slices.Equal(got, []time.Duration{10 * time.Millisecond}) {
		t.Errorf("waits = %v, want [10ms]", got)
	}
}

func TestServerErrorForeverIsBrokenWithBackoff(t *testing.T) {
	srv := newServer(t, status(503))
	o := testOptions()
	o.Retries = 3
	o.Backoff = 10 * time.Millisecond
	o.MaxRetryAfter = 25 * time.Millisecond
	c := newChecker(t, o)
	var s sleeps
	c.sleep = s.sleep

	r := check1(t, c, srv.URL)
	if r.Status != Broken || r.Code != 503 || r.Reason != "HTTP 503 Service Unavailable" {
		t.Fatalf("got %+v", r)
	}
	if got := srv.requests.Load(); got != 4 {
		t.Errorf("requests = %d, want 4", got)
	}
	// Doubling, capped by MaxRetryAfter.
	want := []time.Duration{10 * time.Millisecond, 20 * time.Millisecond, 25 * time.Millisecond}
	if got := s.waits(); !slices.Equal(got, want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
}

// The one test that really waits, to prove the wiring to the clock.
func TestRetryAfterSecondsIsHonoured(t *testing.T) {
	var n atomic.Int64
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
		}
	})
	c := newChecker(t, testOptions())
	start := time.Now()
	r := check1(t, c, srv.URL)
	if elapsed := time.Since(start); elapsed < time.Second {
		t.Errorf("retried after %v, want at least 1s", elapsed)
	}
	if r.Status != OK || srv.requests.Load() != 2 {
		t.Errorf("got %+v after %d requests, want OK after 2", r, srv.requests.Load())
	}
}

func TestRetryAfterDateAndCap(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
	}{
		{now.Add(5 * time.Second).Format(http.TimeFormat), 5 * time.Second},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"7", 7 * time.Second},
		{"120", 30 * time.Second}, // capped
		{now.Add(time.Hour).Format(http.TimeFormat), 30 * time.Second},  // capped
		{"soon", time.Millisecond},                                      // unparseable: backoff
		{now.Add(3 * time.Second).Format(time.RFC850), 3 * time.Second}, // obsolete form
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", tt.header)
				w.WriteHeader(429)
			})
			o := testOptions()
			o.Retries = 1
			o.Now = func() time.Time { return now }
			c := newChecker(t, o)
			var s sleeps
			c.sleep = s.sleep
			r := check1(t, c, srv.URL)
			if r.Status != Unverified || r.Code != 429 {
				t.Errorf("got %+v, want Unverified 429", r)
			}
			if got := s.waits(); !slices.Equal(got, []time.Duration{tt.want}) {
				t.Errorf("waits = %v, want [%v]", got, tt.want)
			}
		})
	}
}

func TestTooManyRequestsForeverIsUnverified(t *testing.T) {
	srv := newServer(t, status(429))
	o := testOptions()
	o.Retries = 2
	c := newChecker(t, o)
	var s sleeps
	c.sleep = s.sleep
	r := check1(t, c, srv.URL)
	if r.Status != Unverified || r.Code != 429 || !strings.Contains(r.Reason, "rate limited") {
		t.Errorf("got %+v", r)
	}
	if got := srv.requests.Load(); got != 3 {
		t.Errorf("requests = %d, want 3", got)
	}
}

func TestHeadFallsBackToGet(t *testing.T) {
	for _, headCode := range []int{405, 403, 501} {
		for _, getCode := range []int{200, 404} {
			t.Run(fmt.Sprintf("HEAD %d GET %d", headCode, getCode), func(t *testing.T) {
				var mu sync.Mutex
				var methods []string
				srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
					mu.Lock()
					methods = append(methods, r.Method)
					mu.Unlock()
					if r.Method == http.MethodHead {
						w.WriteHeader(headCode)
						return
					}
					w.WriteHeader(getCode)
				})
				c := newChecker(t, testOptions())
				r := check1(t, c, srv.URL)
				if r.Code != getCode {
					t.Errorf("got %+v, want code %d", r, getCode)
				}
				if want := []string{"HEAD", "GET"}; !slices.Equal(methods, want) {
					t.Errorf("methods = %v, want %v", methods, want)
				}
			})
		}
	}
}

func TestRedirects(t *testing.T) {
	// /r/N redirects to /r/N-1; /r/0 is the page.
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/r/"))
		if n == 0 {
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
	})
	c := newChecker(t, testOptions())

	if r := check1(t, c, srv.URL+"/r/5"); r.Status != OK {
		t.Errorf("5 redirects: got %+v, want OK", r)
	}
	r := check1(t, c, srv.URL+"/r/6")
	if r.Status != Broken || r.Reason != "too many redirects (more than 5)" {
		t.Errorf("6 redirects: got %+v", r)
	}
}

func TestRedirectToOtherScheme(t *testing.T) {
	for _, target := range []string{"file:///etc/passwd", "ftp://example.com/cv.pdf", "gopher://127.0.0.1:70/"} {
		t.Run(target, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Location", target)
				w.WriteHeader(http.StatusMovedPermanently)
			})
			c := newChecker(t, testOptions())
			r := check1(t, c, srv.URL)
			if r.Status != Broken || !strings.Contains(r.Reason, "non-http(s) URL") {
				t.Errorf("got %+v", r)
			}
		})
	}
}

// countingTransport counts the response body bytes the checker reads.
type countingTransport struct {
	rt   http.RoundTripper
	read atomic.Int64
}

func (ct *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := ct.rt.RoundTrip(r)
	if err == nil {
		resp.Body = &countingBody{ReadCloser: resp.Body, n: &ct.read}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

func TestLargeBodyIsNotRead(t *testing.T) {
	const size = 64 << 20
	written := make(chan int, 1)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(405)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(size))
		chunk := make([]byte, 32<<10)
		n := 0
		for n < size {
			m, err := w.Write(chunk)
			n += m
			if err != nil {
				break
			}
		}
		written <- n
	})
	c := newChecker(t, testOptions())
	ct := &countingTransport{rt: c.client.Transport}
	c.client.Transport = ct

	if r := check1(t, c, srv.URL); r.Status != OK {
		t.Fatalf("got %+v", r)
	}
	if got := ct.read.Load(); got > MaxBodyBytes {
		t.Errorf("read %d bytes of the body, want at most %d", got, MaxBodyBytes)
	}
	select {
	case n := <-written:
		if n >= size {
			t.Errorf("server wrote the whole %d-byte body", n)
		}
	case <-time.After(5 * time.Second):
		t.Error("server still writing 5s after the check ended")
	}
}

func TestTimeout(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	o := testOptions()
	o.Timeout = 200 * time.Millisecond
	o.Retries = 1
	c := newChecker(t, o)
	start := time.Now()
	r := check1(t, c, srv.URL)
	if r.Status != Broken || r.Reason != "timed out after 200ms" {
		t.Errorf("got %+v", r)
	}
	if got := srv.requests.Load(); got != 2 {
		t.Errorf("requests = %d, want 2 (time-outs are retried)", got)
	}
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

func TestCancelledContext(t *testing.T) {
	srv := newServer(t, status(200))
	o := testOptions()
	o.CacheDir, o.NoCache = t.TempDir(), false
	c := newChecker(t, o)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	r := c.Check(ctx, []string{srv.URL})[srv.URL]
	if r.Status != Unverified || r.Reason != "check cancelled" {
		t.Errorf("got %+v", r)
	}
	// A cancelled check must not stick, in memory or on disk.
	if r := check1(t, c, srv.URL); r.Status != OK {
		t.Errorf("after cancel: got %+v, want OK", r)
	}
}

func TestNotHTTPAndMalformed(t *testing.T) {
	c := newChecker(t, testOptions())
	tests := []struct {
		url    string
		status Status
	}{
		{"mailto:me@example.com", Skipped},
		{"tel:+441234", Skipped},
		{"docs/cv.pdf", Skipped},
		{"http://", Broken},
		{"https://exa mple.com/", Broken},
		{"http://%zz/", Broken},
	}
	for _, tt := range tests {
		if r := check1(t, c, tt.url); r.Status != tt.status {
			t.Errorf("%s: got %+v, want %v", tt.url, r, tt.status)
		}
	}
}

func TestExcludeSkipsWithoutRequest(t *testing.T) {
	srv := newServer(t, status(200))
	o := testOptions()
	o.Exclude = []string{srv.URL + "/private/", "127.0.0.1"}
	c := newChecker(t, o)
	r := check1(t, c, srv.URL+"/private/x")
	if r.Status != Skipped || r.Reason != "excluded by pattern "+srv.URL+"/private/" {
		t.Errorf("got %+v", r)
	}
	if r := check1(t, c, srv.URL+"/other"); r.Status != Skipped {
		t.Errorf("host pattern: got %+v", r)
	}
	if n := srv.requests.Load(); n != 0 {
		t.Errorf("server saw %d requests", n)
	}
}
