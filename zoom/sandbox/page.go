package sandbox

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// pageMeta is the pagination part of Zoom's list responses.
type pageMeta struct {
	NextPageToken string `json:"next_page_token"`
	PageSize      int    `json:"page_size"`
	TotalRecords  int    `json:"total_records"`
}

// pageTokenTTL is how long Zoom honours a next_page_token.
const pageTokenTTL = 15 * time.Minute

// pageOfLocked picks the page of total items the request asks for: page_size
// (default 30, clamped to max) and an opaque next_page_token that is only
// good for the same query and for 15 minutes. On a bad request it writes
// the error (with badTokenCode, which differs per endpoint) and returns
// ok false. The caller holds s.mu.
func (s *Sandbox) pageOfLocked(w http.ResponseWriter, r *http.Request, total, max, badTokenCode int) (lo, hi int, meta pageMeta, ok bool) {
	q := r.URL.Query()
	size := 30
	if v := q.Get("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			writeError(w, http.StatusBadRequest, 300, fmt.Sprintf("Invalid field: page_size must be a number, got %q.", v))
			return 0, 0, meta, false
		}
		if n > 0 {
			size = n
		}
	}
	size = min(size, max)
	now, fp := s.opts.now(), queryFingerprint(r.URL.Path, q)
	if tok := q.Get("next_page_token"); tok != "" {
		off, good := decodePageToken(tok, fp, now)
		if !good || off > total {
			writeError(w, http.StatusBadRequest, badTokenCode, "The next page token is invalid or expired.")
			return 0, 0, meta, false
		}
		lo = off
	}
	hi = min(lo+size, total)
	meta = pageMeta{PageSize: size, TotalRecords: total}
	if hi < total {
		meta.NextPageToken = encodePageToken(hi, fp, now)
	}
	return lo, hi, meta, true
}

// queryFingerprint identifies a list query without its paging parameters,
// so a token cannot be replayed against different filters.
func queryFingerprint(path string, q url.Values) uint32 {
	c := url.Values{}
	for k, v := range q {
		if k != "page_size" && k != "next_page_token" {
			c[k] = v
		}
	}
	h := sha256.Sum256([]byte(path + "?" + c.Encode()))
	return binary.BigEndian.Uint32(h[:4])
}

func encodePageToken(offset int, fp uint32, now time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint32(b[0:4], uint32(offset))
	binary.BigEndian.PutUint32(b[4:8], fp)
	binary.BigEndian.PutUint64(b[8:16], uint64(now.Unix()))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func decodePageToken(tok string, fp uint32, now time.Time) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(b) != 16 || binary.BigEndian.Uint32(b[4:8]) != fp {
		return 0, false
	}
	issued := time.Unix(int64(binary.BigEndian.Uint64(b[8:16])), 0)
	if now.Sub(issued) > pageTokenTTL {
		return 0, false
	}
	return int(binary.BigEndian.Uint32(b[0:4])), true
}
