package state

import (
	"fmt"
	"os"
)

// OpenLogFile opens (appending, creating) the log file 0600, making the log
// folder first, for slog.NewTextHandler or similar. The caller closes it.
func (h Home) OpenLogFile() (*os.File, error) {
	if err := ensureDir(h.Log); err != nil {
		return nil, err
	}
	path := h.LogFile()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, filePerm)
	if err != nil {
		return nil, fmt.Errorf("cannot open log file %s: %w", path, err)
	}
	if err := tightenFile(path); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
