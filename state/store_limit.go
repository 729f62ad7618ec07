package state

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// readDraftFile reads a draft file, refusing one over MaxDraftFileBytes
// before reading it: zpadd never writes one that big (limits.go), and
// parsing a 200 MB file froze the Home screen for 20 s.
func readDraftFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxDraftFileBytes {
		return nil, fmt.Errorf("%w: the file is %.1f MB; zpadd reads drafts of at most %d MB", errDraftTooLarge, float64(fi.Size())/(1<<20), MaxDraftFileBytes>>20)
	}
	raw, err := io.ReadAll(io.LimitReader(f, MaxDraftFileBytes+1))
	if err == nil && len(raw) > MaxDraftFileBytes {
		return nil, fmt.Errorf("%w: the file grew past %d MB while being read", errDraftTooLarge, MaxDraftFileBytes>>20)
	}
	return raw, err
}

// errDraftTooLarge marks a draft file refused for its size.
var errDraftTooLarge = errors.New("draft file too large")
