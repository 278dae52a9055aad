package linkcheck

import (
	"context"
	"encoding/binary"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"code.dny.dev/ssrf"
	"golang.org/x/net/dns/dnsmessage"
)

func TestTLSError(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake error is the point
	srv.StartTLS()
	defer srv.Close()
	c := newChecker(t, testOptions())
	r := check1(t, c, srv.URL)
	if r.Status != Broken || !strings.HasPrefix(r.Reason, "TLS certificate error") {
		t.Errorf("got %+v", r)
	}
	if hits.Load() != 0 {
		t.Error("handler reached despite the untrusted certificate")
	}
}

// nxResolver answers NXDOMAIN to every question over an in-memory pipe, so
// the DNS test sends nothing to the network, not even to the local resolver.
func nxResolver() *net.Resolver {
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
			client, server := net.Pipe()
			go serveNXDOMAIN(server)
			return client, nil
		},
	}
}

// serveNXDOMAIN speaks DNS over a stream (length-prefixed), which is what
// the Go resolver uses on a conn that is not a PacketConn.
func serveNXDOMAIN(c net.Conn) {
	defer c.Close()
	for {
		var l [2]byte
		if _, err := io.ReadFull(c, l[:]); err != nil {
			return
		}
		b := make([]byte, binary.BigEndian.Uint16(l[:]))
		if _, err := io.ReadFull(c, b); err != nil {
			return
		}
		var m dnsmessage.Message
		if m.Unpack(b) != nil {
			return
		}
		m.Header.Response = true
		m.Header.RecursionAvailable = true
		m.Header.RCode = dnsmessage.RCodeNameError
		out, err := m.Pack()
		if err != nil {
			return
		}
		binary.BigEndian.PutUint16(l[:], uint16(len(out)))
		if _, err := c.Write(append(l[:], out...)); err != nil {
			return
		}
	}
}

func TestDNSFailure(t *testing.T) {
	o := testOptions()
	o.AllowPrivate = false
	c := newChecker(t, o)
	c.client = newClient(c.o, guardControl, nxResolver())
	// RFC 6761: .invalid never resolves.
	r := check1(t, c, "https://cvlint-test.invalid/cv")
	if r.Status != Broken || r.Reason != "DNS lookup failed: no such host" {
		t.Errorf("got %+v", r)
	}
}

func TestDedup(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond) // so concurrent Checks overlap
	})
	c := newChecker(t, testOptions())
	u := srv.URL + "/cv"
	var urls []string
	for range 10 {
		urls = append(urls, u)
	}
	// The fragment never reaches the server; the host is case-insensitive.
	urls = append(urls, u+"#top", u+"#bottom", "HTTP"+strings.TrimPrefix(u, "http"))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := c.Check(t.Context(), urls)
			if len(got) != 4 {
				t.Errorf("got %d results, want 4", len(got))
			}
			for k, r := range got {
				if r.URL != k || r.Status != OK {
					t.Errorf("%s: got %+v", k, r)
				}
			}
		})
	}
	wg.Wait()
	if n := srv.requests.Load(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

// inflight counts concurrent requests across the servers that share it.
type inflight struct {
	cur, max atomic.Int64
}

func (f *inflight) handler(w http.ResponseWriter, r *http.Request) {
	n := f.cur.Add(1)
	for {
		m := f.max.Load()
		if n <= m || f.max.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(100 * time.Millisecond)
	f.cur.Add(-1)
}

func TestPerHostLimit(t *testing.T) {
	var f inflight
	srv := newServer(t, f.handler)
	o := testOptions()
	o.PerHost = 2
	c := newChecker(t, o)
	var urls []string
	for i := range 10 {
		urls = append(urls, srv.URL+"/"+string(rune('a'+i)))
	}
	for u, r := range c.Check(t.Context(), urls) {
		if r.Status != OK {
			t.Errorf("%s: %+v", u, r)
		}
	}
	if got := f.max.Load(); got != 2 {
		t.Errorf("max in flight on one host = %d, want 2", got)
	}
}

func TestGlobalLimit(t *testing.T) {
	var f inflight
	o := testOptions()
	o.PerHost = 4
	o.Concurrency = 3
	c := newChecker(t, o)
	var urls []string
	for range 4 {
		srv := newServer(t, f.handler) // a host is host:port, so 4 hosts
		for i := range 4 {
			urls = append(urls, srv.URL+"/"+string(rune('a'+i)))
		}
	}
	c.Check(t.Context(), urls)
	if got := f.max.Load(); got != 3 {
		t.Errorf("max in flight = %d, want 3", got)
	}
}

func TestGuardRefusesLoopback(t *testing.T) {
	srv := newServer(t, status(200))
	o := testOptions()
	o.AllowPrivate = false
	c := newChecker(t, o)
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	for _, u := range []string{srv.URL, "http://localhost" + port + "/", "http://[::1]" + port + "/"} {
		r := check1(t, c, u)
		if r.Status != Broken || r.Reason != "refused: resolves to a private address (SSRF guard)" {
			t.Errorf("%s: got %+v", u, r)
		}
	}
	if n := srv.requests.Load(); n != 0 {
		t.Errorf("server saw %d requests, want none", n)
	}
}

// A redirect dials again, and the guard sees the new address. 127.0.0.1
// stands in for a public host and 127.0.0.2 for an internal one.
func TestGuardChecksRedirects(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this system: %v", err)
	}
	internal := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("internal server reached")
	}))
	internal.Listener.Close()
	internal.Listener = ln
	internal.Start()
	defer internal.Close()
	public := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
	})

	g := ssrf.New(ssrf.WithAnyPort(), ssrf.WithAllowedV4Prefixes(netip.MustParsePrefix("127.0.0.1/32")))
	o := testOptions()
	o.AllowPrivate = false
	c := newChecker(t, o)
	c.client = newClient(c.o, g.Safe, nil)
	r := check1(t, c, public.URL)
	if r.Status != Broken || !strings.Contains(r.Reason, "SSRF guard") {
		t.Errorf("got %+v", r)
	}
	if public.requests.Load() != 1 {
		t.Errorf("public server saw %d requests, want 1", public.requests.Load())
	}
}

// The control function is called directly: no packet leaves.
func TestGuardControl(t *testing.T) {
	refused := []struct{ network, addr string }{
		{"tcp4", "169.254.169.254:80"}, // AWS, GCP, Azure IMDS
		{"tcp6", "[fd00:ec2::254]:80"}, // AWS IMDS over IPv6
		{"tcp4", "168.63.129.16:80"},   // Azure wire server, a public address
		{"tcp4", "168.63.129.16:32526"},
		{"tcp4", "10.0.0.1:443"},
		{"tcp4", "172.16.0.1:443"},
		{"tcp4", "192.168.1.1:443"},
		{"tcp4", "100.64.0.1:443"},     // CGNAT
		{"tcp4", "100.100.100.200:80"}, // Alibaba metadata, in CGNAT
		{"tcp4", "127.0.0.1:443"},
		{"tcp4", "127.1.2.3:8080"},
		{"tcp4", "0.0.0.0:80"},
		{"tcp4", "224.0.0.1:80"},
		{"tcp6", "[::1]:443"},
		{"tcp6", "[fe80::1]:443"},
		{"tcp6", "[fc00::1]:443"},
		{"tcp6", "[::ffff:169.254.169.254]:80"}, // IPv4-mapped
		{"tcp6", "[::ffff:127.0.0.1]:80"},
		{"tcp6", "[64:ff9b::a9fe:a9fe]:80"}, // NAT64 of 169.254.169.254
		{"udp4", "8.8.8.8:53"},              // not TCP
	}
	for _, tt := range refused {
		if err := guardControl(tt.network, tt.addr, nil); err == nil {
			t.Errorf("%s %s: allowed, want refused", tt.network, tt.addr)
		}
	}
	allowed := []struct{ network, addr string }{
		{"tcp4", "93.184.215.14:443"},
		{"tcp4", "140.82.112.3:8443"}, // any port on a public address
		{"tcp6", "[2606:4700::6810:84e5]:443"},
	}
	for _, tt := range allowed {
		if err := guardControl(tt.network, tt.addr, nil); err != nil {
			t.Errorf("%s %s: %v, want allowed", tt.network, tt.addr, err)
		}
	}
}
