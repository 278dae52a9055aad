package linkcheck

import (
	"net/netip"
	"syscall"

	"code.dny.dev/ssrf"
)

// metadataV4 are cloud metadata endpoints. 169.254.169.254 (AWS, GCP,
// Azure IMDS, Oracle, ...) is already in ssrf's link-local deny list and is
// here so the intent survives a change of that list; 168.63.129.16 (Azure's
// wire server) is a public address and is not in it. AWS's IPv6 endpoint
// fd00:ec2::254 needs no entry: ssrf refuses all IPv6 outside 2000::/3,
// unique-local fd00::/8 included. Tests pin all three.
var metadataV4 = []netip.Prefix{
	netip.MustParsePrefix("169.254.169.254/32"),
	netip.MustParsePrefix("168.63.129.16/32"),
}

// guard allows any port: the danger is where a URL leads, not which port, and
// CVs do link to public sites on :8080 or :8443.
var guard = ssrf.New(ssrf.WithAnyPort(), ssrf.WithDeniedV4Prefixes(metadataV4...))

// guardControl is the net.Dialer Control function. It runs after DNS
// resolution on the very address being dialled, for every connection, so
// redirects and DNS rebinding get no way around it.
func guardControl(network, address string, c syscall.RawConn) error {
	return guard.Safe(network, address, c)
}
