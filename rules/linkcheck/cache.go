package linkcheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

const (
	cacheFile    = "links.json"
	cacheVersion = 1
)

type cacheEntry struct {
	Status  Status    `json:"status"`
	Code    int       `json:"code,omitempty"`
	Reason  string    `json:"reason"`
	Checked time.Time `json:"checked"`
}

type cacheDoc struct {
	Version int                   `json:"version"`
	Entries map[string]cacheEntry `json:"entries"`
}

// diskCache is guarded by Checker.mu.
type diskCache struct {
	path    string
	ttl     time.Duration
	now     func() time.Time
	entries map[string]cacheEntry // as read at start
	fresh   map[string]cacheEntry // checked during this run
}

func loadCache(path string, ttl time.Duration, now func() time.Time) *diskCache {
	return &diskCache{
		path:    path,
		ttl:     ttl,
		now:     now,
		entries: readCacheFile(path),
		fresh:   make(map[string]cacheEntry),
	}
}

// readCacheFile returns nil for a missing, corrupt or foreign-version file:
// a cache is never worth an error.
func readCacheFile(path string) map[string]cacheEntry {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var doc cacheDoc
	if json.Unmarshal(b, &doc) != nil || doc.Version != cacheVersion {
		return nil
	}
	return doc.Entries
}

func (d *diskCache) expired(e cacheEntry, now time.Time) bool {
	return now.Sub(e.Checked) >= d.ttl
}

func (d *diskCache) get(key string) (Result, bool) {
	e, ok := d.entries[key]
	if !ok || d.expired(e, d.now()) {
		return Result{}, false
	}
	return Result{Status: e.Status, Code: e.Code, Reason: e.Reason}, true
}

func (d *diskCache) put(key string, r Result) {
	d.fresh[key] = cacheEntry{Status: r.Status, Code: r.Code, Reason: r.Reason, Checked: d.now()}
}

// cacheable says whether a result is worth keeping for a day. A 5xx, a
// time-out or a refusal may be gone in a minute and must not fail CI until
// tomorrow; a 404 or a working link will most likely still be one.
func cacheable(r Result) bool {
	switch r.Status {
	case OK:
		return true
	case Broken:
		return r.Code >= 400 && r.Code < 500 && r.Code != 408 && r.Code != 429
	}
	return false
}

// flush merges this run's results into the file as it is now, not as it
// was at start, so that two runs side by side keep each other's work, then
// replaces it atomically.
func (d *diskCache) flush() error {
	if len(d.fresh) == 0 {
		return nil
	}
	dir := filepath.Dir(d.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	now := d.now()
	merged := readCacheFile(d.path)
	if merged == nil {
		merged = make(map[string]cacheEntry, len(d.fresh))
	}
	for k, e := range d.fresh {
		if old, ok := merged[k]; !ok || !old.Checked.After(e.Checked) {
			merged[k] = e
		}
	}
	for k, e := range merged {
		if d.expired(e, now) {
			delete(merged, k)
		}
	}
	b, err := json.MarshalIndent(cacheDoc{Version: cacheVersion, Entries: merged}, "", "\t")
	if err != nil {
		return err
	}
	// The temporary file sits in the same directory so the rename stays on
	// one file system and is atomic.
	f, err := os.CreateTemp(dir, ".links-*.tmp")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), d.path)
	}
	if werr != nil {
		os.Remove(f.Name())
		return werr
	}
	d.entries, d.fresh = merged, make(map[string]cacheEntry)
	return nil
}
