package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// All tests talk to httptest servers on 127.0.0.1 only.

// testOptions are fast, cache-free and allow loopback.
func testOptions() Options {
	return Options{
		AllowPrivate: true,
		NoCache:      true,
		Timeout:      5 * time.Second,
		Backoff:      time.Millisecond,
	}
}

func newChecker(t *testing.T, o Options) *Checker {
	t.Helper()
	c := New(o)
	t.Cleanup(func() { c.Close() })
	return c
}

// sleeps records the waits between retries instead of waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.d = append(s.d, d)
	return ctx.Err()
}

func (s *sleeps) waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// server is an httptest server that counts the requests it sees.
type server struct {
	*httptest.Server
	requests atomic.Int64
}

func newServer(t *testing.T, h http.HandlerFunc) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func check1(t *testing.T, c *Checker, u string) Result {
	t.Helper()
	res := c.Check(context.Background(), []string{u})
	r, ok := res[u]
	if !ok {
		t.Fatalf("no result for %s", u)
	}
	if r.URL != u {
		t.Errorf("Result.URL = %q, want %q", r.URL, u)
	}
	return r
}

func status(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }
}
