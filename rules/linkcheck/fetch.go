package linkcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"code.dny.dev/ssrf"
)

var (
	errTooManyRedirects = errors.New("too many redirects")
	errBadScheme        = errors.New("redirect to a non-http(s) URL")
)

// checkRedirect runs before each redirect is followed. The scheme check is
// ours and not left to the transport so that file:, ftp: or gopher: targets
// get a clear reason, and so nothing but http(s) is ever handed on.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("%w (%s:)", errBadScheme, s)
	}
	if len(via) > MaxRedirects {
		return errTooManyRedirects
	}
	return nil
}

// response is what classification needs of an HTTP answer.
type response struct {
	code   int
	header http.Header
	host   string // where the redirects ended
}

// fetch checks one URL, retrying as the package doc says.
func (c *Checker) fetch(ctx context.Context, u *url.URL) Result {
	method := http.MethodHead
	for attempt := 0; ; attempt++ {
		release, err := c.acquire(ctx, u.Host)
		if err != nil {
			return cancelled()
		}
		resp, err := c.do(ctx, method, u)
		if err == nil && method == http.MethodHead && headRefused(resp.code) {
			// Retries keep using GET: the server has told us HEAD is no use.
			method = http.MethodGet
			resp, err = c.do(ctx, method, u)
		}
		release()
		if ctx.Err() != nil {
			return cancelled()
		}

		var (
			r     Result
			retry bool
		)
		if err != nil {
			r, retry = classifyError(err, c.o.Timeout)
		} else {
			r, retry = classifyResponse(u, resp)
		}
		if !retry || attempt >= c.o.Retries {
			return r
		}
		if c.sleep(ctx, c.wait(attempt, resp)) != nil {
			return cancelled()
		}
	}
}

// headRefused reports the answers that often mean "this server does not do
// HEAD" rather than anything about the page.
func headRefused(code int) bool {
	return code == http.StatusMethodNotAllowed || code == http.StatusForbidden || code == http.StatusNotImplemented
}

func (c *Checker) do(ctx context.Context, method string, u *url.URL) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	// Draining a small body lets the connection be reused; the cap keeps a
	// link to a video or an ISO from being downloaded. Read errors are
	// ignored: the status line is the answer.
	if method == http.MethodGet {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, MaxBodyBytes))
	}
	resp.Body.Close()
	return &response{code: resp.StatusCode, header: resp.Header, host: resp.Request.URL.Hostname()}, nil
}

// wait is how long to sleep before retry number attempt+1.
func (c *Checker) wait(attempt int, r *response) time.Duration {
	if r != nil {
		if d, ok := parseRetryAfter(r.header.Get("Retry-After"), c.o.Now()); ok {
			return min(d, c.o.MaxRetryAfter)
		}
	}
	d := c.o.Backoff
	for range attempt {
		if d >= c.o.MaxRetryAfter {
			break
		}
		d *= 2
	}
	return min(d, c.o.MaxRetryAfter)
}

// parseRetryAfter reads both forms RFC 9110 allows: delay-seconds and an
// HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func cancelled() Result {
	return Result{Status: Unverified, Reason: "check cancelled"}
}

func httpReason(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("HTTP %d %s", code, t)
	}
	return fmt.Sprintf("HTTP %d", code)
}

// botBlockingHosts answer 403 to clients that do not run JavaScript, so
// their 403 says nothing about the page. Subdomains count.
var botBlockingHosts = []string{
	"linkedin.com", "lnkd.in", "indeed.com", "glassdoor.com", "medium.com", "researchgate.net",
}

func isBotBlockingHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, d := range botBlockingHosts {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// classifyResponse turns an HTTP answer into a Result, and says whether
// another attempt could change it.
func classifyResponse(u *url.URL, r *response) (Result, bool) {
	code := r.code
	res := Result{Code: code, Reason: httpReason(code)}
	switch {
	case code < 400:
		res.Status = OK
		return res, false
	case code == 999:
		res.Status = Unverified
		res.Reason += " (the site refuses automated requests)"
		return res, false
	case code == http.StatusTooManyRequests:
		res.Status = Unverified
		res.Reason += " (rate limited)"
		return res, true
	case r.header.Get("Cf-Mitigated") != "":
		// Cloudflare's bot challenge; the page behind it may be fine.
		res.Status = Unverified
		res.Reason += " (Cloudflare bot challenge)"
		return res, false
	case code == http.StatusForbidden && (isBotBlockingHost(u.Hostname()) || isBotBlockingHost(r.host)):
		res.Status = Unverified
		res.Reason += " (the site blocks automated requests)"
		return res, false
	case code == http.StatusForbidden && strings.EqualFold(r.header.Get("Server"), "cloudflare"):
		res.Status = Unverified
		res.Reason += " (Cloudflare may be blocking automated requests)"
		return res, false
	default:
		res.Status = Broken
		return res, code >= 500
	}
}

// classifyError turns a failed request into a Result, and says whether
// another attempt could change it.
func classifyError(err error, timeout time.Duration) (Result, bool) {
	broken := func(reason string) Result { return Result{Status: Broken, Reason: reason} }
	var (
		dnsErr   *net.DNSError
		certErr  *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		alertErr tls.AlertError
		recErr   tls.RecordHeaderError
	)
	switch {
	case errors.Is(err, errTooManyRedirects):
		return broken(fmt.Sprintf("too many redirects (more than %d)", MaxRedirects)), false
	case errors.Is(err, errBadScheme):
		var ue *url.Error
		msg := "redirected to a non-http(s) URL"
		if errors.As(err, &ue) {
			msg += ": " + ue.URL
		}
		return broken(msg), false
	case errors.Is(err, ssrf.ErrProhibitedIP), errors.Is(err, ssrf.ErrProhibitedNetwork), errors.Is(err, ssrf.ErrProhibitedPort):
		return broken("refused: resolves to a private address (SSRF guard)"), false
	case errors.As(err, &dnsErr):
		if dnsErr.IsTimeout {
			return broken("DNS lookup timed out"), true
		}
		if dnsErr.IsNotFound {
			return broken("DNS lookup failed: no such host"), false
		}
		return broken("DNS lookup failed"), dnsErr.IsTemporary
	case errors.As(err, &unknown):
		return broken("TLS certificate error: signed by an unknown authority"), false
	case errors.As(err, &hostErr):
		return broken("TLS certificate error: not valid for this host"), false
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return broken("TLS certificate error: expired or not yet valid"), false
		}
		return broken("TLS certificate error"), false
	case errors.As(err, &certErr):
		return broken("TLS certificate error"), false
	case errors.As(err, &alertErr), errors.As(err, &recErr):
		return broken("TLS handshake failed"), false
	case isTimeout(err):
		return broken("timed out after " + timeout.String()), true
	case errors.Is(err, syscall.ECONNREFUSED):
		return broken("connection refused"), false
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		// Usually a server or middlebox restarting; worth one more try.
		return broken("connection reset"), true
	default:
		return broken("request failed: " + innermost(err)), false
	}
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// innermost drops the "Head \"https://...\": " wrapping, which repeats the
// URL the report already shows.
func innermost(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}
