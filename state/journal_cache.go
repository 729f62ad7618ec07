package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"
)

// journalCache keeps the records already read from the journal, so each
// read parses only the lines appended since (by this process or another):
// the journal is append-only, and Home, every submit and every reconcile
// read it. A file that shrank or was replaced is read again from the start.
type journalCache struct {
	mu      sync.Mutex
	info    fs.FileInfo // of the file as last read
	offset  int64       // bytes consumed: up to the end of the last whole line
	records []journalRecord
}

// read returns every record that parses, in file order. Lines that do not
// parse (a torn line from a crash) are skipped: a torn intent was never
// fully written, so its request was never sent.
func (j *Journal) read() ([]journalRecord, error) {
	c := &j.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		c.reset()
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read journal %s: %w", j.path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read journal %s: %w", j.path, err)
	}
	if c.info == nil || !os.SameFile(c.info, info) || info.Size() < c.offset {
		c.reset()
	}
	if info.Size() > c.offset {
		if _, err := f.Seek(c.offset, io.SeekStart); err != nil {
			return nil, fmt.Errorf("cannot read journal %s: %w", j.path, err)
		}
		tail, err := io.ReadAll(f)
		if err != nil {
			return nil, fmt.Errorf("cannot read journal %s: %w", j.path, err)
		}
		// Only whole lines are consumed: a line still being written (or
		// torn by a crash and later ended by the next append) is read when
		// it ends.
		end := bytes.LastIndexByte(tail, '\n') + 1
		c.records = append(c.records, decodeRecords(bytes.Split(tail[:end], []byte{'\n'}))...)
		c.offset += int64(end)
		if end < len(tail) {
			// A last line without its newline: parse it for this read only
			// (a finished write that lost its newline still counts).
			var rec journalRecord
			if json.Unmarshal(bytes.TrimSpace(tail[end:]), &rec) == nil {
				c.info = info
				return append(c.records[:len(c.records):len(c.records)], rec), nil
			}
		}
	}
	c.info = info
	// The records are shared with the cache: readers only look, and History
	// copies what it hands out (cloneSubmission).
	return c.records[:len(c.records):len(c.records)], nil
}

// decodeRecords parses journal lines, in order, skipping blank lines and
// lines that do not parse. A year of batches is a few thousand lines whose
// decoding was most of Home's start, so a long tail is decoded on every
// core, in chunks whose results are joined in file order.
func decodeRecords(lines [][]byte) []journalRecord {
	const perWorker = 256 // below this, starting goroutines costs more than it saves
	workers := min(runtime.GOMAXPROCS(0), (len(lines)+perWorker-1)/perWorker)
	decode := func(part [][]byte) []journalRecord {
		out := make([]journalRecord, 0, len(part))
		for _, line := range part {
			if line = bytes.TrimSpace(line); len(line) > 0 {
				var rec journalRecord
				if json.Unmarshal(line, &rec) == nil {
					out = append(out, rec)
				}
			}
		}
		return out
	}
	if workers <= 1 {
		return decode(lines)
	}
	parts := make([][]journalRecord, workers)
	chunk := (len(lines) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(lines))
		wg.Go(func() { parts[w] = decode(lines[lo:hi]) })
	}
	wg.Wait()
	var out []journalRecord
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func (c *journalCache) reset() { c.info, c.offset, c.records = nil, 0, nil }

// cloneSubmission copies a submission with its results and checks, so a
// caller can change what it gets without changing the journal's cache.
func cloneSubmission(sub Submission) Submission {
	sub.Results = append([]UserResult(nil), sub.Results...)
	for k := range sub.Results {
		sub.Results[k].Checks = append([]Check(nil), sub.Results[k].Checks...)
	}
	return sub
}
