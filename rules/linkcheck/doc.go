// Package linkcheck checks over HTTP whether URLs still resolve. It owns the
// network side of the broken-link rule's --online mode: concurrency limits,
// retries, the on-disk result cache and the SSRF guard. It knows nothing of
// rules, findings or Markdown: it takes URLs and returns one Result per URL.
//
// # Outcomes
//
//	what happened                                         Status      Code
//	2xx, or a final 3xx that has no Location to follow    OK          status
//	4xx or 5xx (after retries for 5xx)                    Broken      status
//	DNS lookup failed                                     Broken      0
//	TLS handshake or certificate error                    Broken      0
//	time-out (after retries)                              Broken      0
//	connection refused or reset, other transport errors   Broken      0
//	more than 5 redirects                                 Broken      0
//	redirect to a scheme other than http or https         Broken      0
//	address refused by the SSRF guard                     Broken      0
//	malformed URL (no host, unparseable)                  Broken      0
//	HTTP 999 (LinkedIn's answer to robots)                Unverified  999
//	HTTP 429 still returned after the last retry          Unverified  429
//	HTTP 403 from a bot-blocking host (list below)        Unverified  403
//	4xx/5xx carrying a cf-mitigated header                Unverified  status
//	HTTP 403 from a server that says "Server: cloudflare" Unverified  403
//	the caller's context was cancelled                    Unverified  0
//	not an http or https URL (mailto:, tel:, relative)    Skipped     0
//	matched an Exclude pattern                            Skipped     0
//
// The bot-blocking hosts, matched on the host of the URL as given and on the
// host the redirects ended at, each with its subdomains: linkedin.com,
// lnkd.in, indeed.com, glassdoor.com, medium.com, researchgate.net. They
// answer 403 to anything that does not run JavaScript, so a 403 from them
// says nothing about the page.
//
// # Requests
//
// HEAD first; GET when HEAD gets 405, 403 or 501, reading at most 64 KiB of
// the body. At most 5 redirects are followed. 429, 5xx, time-outs (DNS
// time-outs included) and connection resets are retried with exponential
// backoff (Options.Backoff, doubled each time), honouring Retry-After in
// seconds or as an HTTP date, capped at Options.MaxRetryAfter. Slots are
// released while waiting, so a slow host does not hold up the others.
//
// Concurrency is bounded twice: Options.PerHost requests per host:port (the
// host of the URL as given; a redirect to another host is not counted there)
// and Options.Concurrency in all.
//
// # Exclude patterns
//
// A pattern that contains "://" is matched against the whole URL: with a "*"
// (any run of characters, "/" included) it must match the whole URL, without
// one it is a prefix ("https://intranet.example.com/" skips everything under
// it). A pattern without "://" is matched against the host, case-insensitively:
// "example.com" skips example.com and its subdomains, "*.example.com" only the
// subdomains, "ci-*.example.com" what the glob says.
//
// # Cache
//
// Results are kept in CacheDir/links.json (CacheDir defaults to
// os.UserCacheDir()/cvlint) for CacheTTL. Only results that say something
// lasting are stored: OK, and Broken with a 4xx other than 408 and 429. Time-outs,
// 5xx, network errors and Unverified results are checked again next run, so
// a server that was down for a minute does not fail CI for a day. Close
// merges with what other processes wrote meanwhile and replaces the file
// atomically (temporary file + rename), so concurrent runs never see a torn
// file; the worst a race costs is a few entries to be checked again.
//
// # SSRF guard
//
// URLs come from CVs, and CVs come from pull requests, so by default the
// checker refuses to connect to loopback, private, link-local, CGNAT,
// multicast, reserved and documentation addresses, to IPv6 outside global
// unicast (ULA fd00::/8 included, so AWS's fd00:ec2::254), and to the cloud
// metadata endpoints 169.254.169.254 and 168.63.129.16 (Azure's wire server,
// a public address the IANA lists miss). The check runs in the dialer after
// DNS resolution, on the address actually dialled, so DNS rebinding and
// redirects to internal hosts are caught too. Proxies from the environment
// are ignored: through a proxy the dialled address would be the proxy's and
// the guard would check nothing. Options.AllowPrivate turns the guard off for
// intranets and tests.
package linkcheck
