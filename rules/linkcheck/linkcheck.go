package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sync/singleflight"
)

// Defaults for the zero values of Options.
const (
	DefaultConcurrency   = 16
	DefaultPerHost       = 2
	DefaultTimeout       = 10 * time.Second
	DefaultRetries       = 2
	DefaultBackoff       = time.Second
	DefaultMaxRetryAfter = 30 * time.Second
	DefaultCacheTTL      = 24 * time.Hour

	// MaxRedirects is how many redirects are followed before a URL is Broken.
	MaxRedirects = 5
	// MaxBodyBytes is how much of a GET response body is read.
	MaxBodyBytes = 64 << 10
)

// Options configure a Checker. Zero values mean the defaults above.
type Options struct {
	Concurrency int           // requests in flight in all (default 16)
	PerHost     int           // requests in flight per host:port (default 2)
	Timeout     time.Duration // per request, body included (default 10s)
	// Retries after the first attempt on 429, 5xx and time-outs (default 2;
	// negative for none).
	Retries int
	// Backoff is the first wait between attempts, doubled each retry
	// (default 1s). Retry-After from the server takes precedence.
	Backoff time.Duration
	// MaxRetryAfter caps any single wait, Retry-After included (default 30s).
	MaxRetryAfter time.Duration

	CacheDir string        // default os.UserCacheDir()/cvlint; file links.json
	CacheTTL time.Duration // default 24h
	NoCache  bool          // neither read nor write the disk cache

	// AllowPrivate turns the SSRF guard off, for intranets and tests.
	AllowPrivate bool
	// Exclude lists patterns of URLs to skip; see the package doc.
	Exclude []string
	// UserAgent defaults to UserAgent("dev").
	UserAgent string
	// Now is the clock for cache expiry and Retry-After dates.
	Now func() time.Time
}

// UserAgent returns the User-Agent cvlint sends: a real name and a contact
// address, which makes site operators less likely to block us outright.
func UserAgent(version string) string {
	return "cvlint/" + version + " (+https://github.com/cvlint/cvlint)"
}

// Status is the verdict on one URL.
type Status int

const (
	OK         Status = iota + 1 // the URL answered
	Broken                       // the URL is dead; the rule reports an error
	Unverified                   // the site refused to tell; "could not verify"
	Skipped                      // not checked: excluded or not http(s)
)

var statusNames = [...]string{"unknown", "ok", "broken", "unverified", "skipped"}

func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return "unknown"
	}
	return statusNames[s]
}

// MarshalText keeps the cache file readable and stable if constants move.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Status) UnmarshalText(b []byte) error {
	*s = 0
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
		}
	}
	return nil
}

// Result is the verdict on one URL.
type Result struct {
	URL    string // as passed to Check
	Status Status
	Code   int    // final HTTP status, 0 when there was no response
	Reason string // for humans: "HTTP 404 Not Found", "DNS lookup failed", ...
}

// Checker checks URLs. It is safe for concurrent use; every unique URL is
// fetched at most once in its lifetime.
type Checker struct {
	o      Options
	client *http.Client
	global chan struct{}

	hostMu sync.Mutex
	hosts  map[string]chan struct{}

	flight singleflight.Group

	mu     sync.Mutex
	memo   map[string]Result // this run, whatever the status
	cache  *diskCache
	closed bool

	// sleep waits between retries; tests swap it for a recorder.
	sleep func(ctx context.Context, d time.Duration) error
}

// New returns a Checker. It reads the disk cache once, now; a missing or
// unreadable cache is an empty one.
func New(o Options) *Checker {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if o.CacheTTL <= 0 {
		o.CacheTTL = DefaultCacheTTL
	}
	if o.UserAgent == "" {
		o.UserAgent = UserAgent("dev")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.CacheDir == "" && !o.NoCache {
		if dir, err := os.UserCacheDir(); err == nil {
			o.CacheDir = filepath.Join(dir, "cvlint")
		} else {
			o.NoCache = true
		}
	}

	c := &Checker{
		o:      o,
		global: make(chan struct{}, o.Concurrency),
		hosts:  make(map[string]chan struct{}),
		memo:   make(map[string]Result),
		sleep:  sleepCtx,
	}
	var control func(network, address string, _ syscall.RawConn) error
	if !o.AllowPrivate {
		control = guardControl
	}
	c.client = newClient(o, control, nil)
	if !o.NoCache {
		c.cache = loadCache(filepath.Join(o.CacheDir, cacheFile), o.CacheTTL, o.Now)
	}
	return c
}

// newClient builds the HTTP client; control is the dialer's guard (nil for
// none) and resolver is nil except in tests.
func newClient(o Options, control func(string, string, syscall.RawConn) error, resolver *net.Resolver) *http.Client {
	dialer := &net.Dialer{Timeout: o.Timeout, KeepAlive: 30 * time.Second, Control: control, Resolver: resolver}
	tr := &http.Transport{
		// Never a proxy: the guard checks the address dialled, and behind a
		// proxy that is the proxy's, not the target's.
		Proxy:               nil,
		DialContext:         dialer.DialContext,
		ForceAttemptHTTP2:   true,
		TLSHandshakeTimeout: o.Timeout,
		MaxIdleConns:        o.Concurrency,
		MaxIdleConnsPerHost: o.PerHost,
		IdleConnTimeout:     30 * time.Second,
	}
	return &http.Client{Transport: tr, CheckRedirect: checkRedirect}
}

// Check checks urls and returns a Result for each distinct string in it.
// Duplicates, and URLs that differ only in their #fragment, are fetched once.
func (c *Checker) Check(ctx context.Context, urls []string) map[string]Result {
	out := make(map[string]Result, len(urls))
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	seen := make(map[string]bool, len(urls))
	for _, raw := range urls {
		if seen[raw] {
			continue
		}
		seen[raw] = true
		wg.Go(func() {
			r := c.checkOne(ctx, raw)
			mu.Lock()
			out[raw] = r
			mu.Unlock()
		})
	}
	wg.Wait()
	return out
}

func (c *Checker) checkOne(ctx context.Context, raw string) Result {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return Result{URL: raw, Status: Broken, Reason: "malformed URL"}
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return Result{URL: raw, Status: Skipped, Reason: "not an http(s) URL"}
	}
	if u.Hostname() == "" {
		return Result{URL: raw, Status: Broken, Reason: "malformed URL: no host"}
	}
	if p, ok := excluded(c.o.Exclude, raw, u); ok {
		return Result{URL: raw, Status: Skipped, Reason: "excluded by pattern " + p}
	}
	// The fragment never reaches the server, so it must not split the cache.
	u.Fragment, u.RawFragment = "", ""
	u.Scheme = scheme
	u.Host = strings.ToLower(u.Host)
	key := u.String()

	r := c.lookup(key)
	if r == nil {
		v, _, _ := c.flight.Do(key, func() (any, error) {
			if r := c.lookup(key); r != nil {
				return *r, nil
			}
			res := c.fetch(ctx, u)
			if ctx.Err() == nil {
				c.store(key, res)
			}
			return res, nil
		})
		res := v.(Result)
		r = &res
	}
	r.URL = raw
	return *r
}

func (c *Checker) lookup(key string) *Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.memo[key]; ok {
		return &r
	}
	if c.cache != nil {
		if r, ok := c.cache.get(key); ok {
			return &r
		}
	}
	return nil
}

func (c *Checker) store(key string, r Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.memo[key] = r
	if c.cache != nil && cacheable(r) {
		c.cache.put(key, r)
	}
}

// Close writes the disk cache. The Checker must not be used afterwards.
func (c *Checker) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	c.client.CloseIdleConnections()
	if c.cache == nil {
		return nil
	}
	return c.cache.flush()
}

// acquire takes a slot for host, then a global one; in that order so a
// request waiting on a busy host does not hold a global slot idle.
func (c *Checker) acquire(ctx context.Context, host string) (release func(), err error) {
	c.hostMu.Lock()
	h, ok := c.hosts[host]
	if !ok {
		h = make(chan struct{}, c.o.PerHost)
		c.hosts[host] = h
	}
	c.hostMu.Unlock()
	select {
	case h <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case c.global <- struct{}{}:
	case <-ctx.Done():
		<-h
		return nil, ctx.Err()
	}
	return func() { <-c.global; <-h }, nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
