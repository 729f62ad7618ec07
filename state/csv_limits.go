package state

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// errCSVTooLarge is what capReader returns past MaxCSVBytes.
var errCSVTooLarge = errors.New("too large")

// capReader reads at most MaxCSVBytes and fails beyond, so an import of a
// 200 MB file stops at 10 MB, before any draft exists.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// One byte more tells a file of exactly the limit from a bigger one.
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			return 0, errCSVTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// TooLargeCSVError refuses a whole file: nothing was imported.
type TooLargeCSVError struct{ Name, Why string }

func (e *TooLargeCSVError) Error() string {
	return fmt.Sprintf("%s %s; nothing was imported: split the file (zpadd imports at most %d MB and %d user rows at a time, %d characters a cell)",
		e.Name, e.Why, MaxCSVBytes>>20, MaxCSVRows, MaxCellChars)
}

// CheckCSVSize refuses a file by its size before it is read.
func CheckCSVSize(name string, size int64) error {
	if size > MaxCSVBytes {
		return &TooLargeCSVError{Name: name, Why: fmt.Sprintf("is %.1f MB", float64(size)/(1<<20))}
	}
	return nil
}

// oversizeCell names the first cell of rec longer than MaxCellChars.
func (imp *csvImport) oversizeCell(name string, row int, rec []string) error {
	for i, c := range rec {
		if len(c) <= MaxCellChars || utf8.RuneCountInString(c) <= MaxCellChars {
			continue
		}
		col := fmt.Sprintf("column %d", i+1)
		for canon, idx := range imp.col {
			if idx == i {
				col = "column " + imp.label[canon]
			}
		}
		return &TooLargeCSVError{Name: name, Why: fmt.Sprintf("has a cell of %d characters at row %d, %s", utf8.RuneCountInString(c), row, col)}
	}
	return nil
}

// checkText reports a control character or an over-long value in one
// cell, by row and column; the value is kept as written for the operator
// to fix, and validation blocks submitting it.
func (imp *csvImport) checkText(row int, column, v string) {
	if msg := textProblem(columnField(column), v); msg != "" {
		imp.problem(row, imp.label[column], Error, "the cell %s", msg)
	}
}

// columnField maps a CSV column to the batch field whose limits apply:
// "desk_phone_2_model" → "model".
func columnField(column string) string {
	rest, ok := strings.CutPrefix(column, "desk_phone_")
	if !ok {
		return column
	}
	if len(rest) > 2 && rest[0] >= '2' && rest[0] <= '9' && rest[1] == '_' {
		rest = rest[2:]
	}
	return rest
}
