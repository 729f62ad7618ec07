package state

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ImportCSV reads users from a CSV file in zpadd's format (DESIGN.md) and
// returns one draft per MaxUsers rows, in file order, named
// "import: NAME (k of n)". Every row with any data becomes a user, even
// when some cells could not be read; problems says which, by row and
// column. err (and no drafts) means the file as a whole is unusable: not
// readable, no header row with an email column, or beyond the limits of
// limits.go (a *TooLargeCSVError).
func ImportCSV(r io.Reader, name string) (drafts []*Draft, problems []RowProblem, err error) {
	br := bufio.NewReader(&capReader{r: r, left: MaxCSVBytes})
	if err := checkEncoding(br); err != nil {
		return nil, nil, err
	}
	comma, skipSep, err := sniffDelimiter(br)
	if err != nil {
		return nil, nil, err
	}
	if skipSep {
		if _, err := br.ReadString('\n'); err != nil && !errors.Is(err, io.EOF) {
			return nil, nil, fmt.Errorf("reading %s: %w", name, err)
		}
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1 // cell counts are checked per row, with a message
	cr.LazyQuotes = true    // spreadsheets and hand edits leave stray quotes

	imp := &csvImport{}
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, fmt.Errorf("%s is empty: the first row must name the columns (email, first_name, ...)", name)
		}
		if errors.Is(err, errCSVTooLarge) {
			return nil, nil, &TooLargeCSVError{Name: name, Why: fmt.Sprintf("is larger than %d MB", MaxCSVBytes>>20)}
		}
		return nil, nil, fmt.Errorf("reading the header row of %s: %w", name, err)
	}
	if err := imp.readHeader(header); err != nil {
		return nil, imp.problems, err
	}

	row, lastLine := 1, 1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errCSVTooLarge) {
			return nil, imp.problems, &TooLargeCSVError{Name: name, Why: fmt.Sprintf("is larger than %d MB", MaxCSVBytes>>20)}
		}
		var perr *csv.ParseError
		if err != nil && !errors.As(err, &perr) {
			return nil, imp.problems, fmt.Errorf("reading %s after row %d: %w", name, row, err)
		}
		if err != nil {
			row += max(1, perr.StartLine-lastLine)
			lastLine = perr.Line
			imp.problem(row, "", Error, "this row could not be read as CSV (%v): check its quotes; it was left out", perr.Err)
			if len(imp.problems) > maxImportProblemCap {
				return nil, imp.problems, fmt.Errorf("%s: too many unreadable rows; is it a CSV file?", name)
			}
			continue
		}
		// encoding/csv skips blank lines; a spreadsheet counts them as
		// rows, so the row number follows the file's lines between records.
		start, _ := cr.FieldPos(0)
		row += max(1, start-lastLine)
		endLine, _ := cr.FieldPos(len(rec) - 1)
		lastLine = endLine + strings.Count(rec[len(rec)-1], "\n")
		if err := imp.oversizeCell(name, row, rec); err != nil {
			return nil, imp.problems, err
		}
		imp.readRow(row, rec)
		if len(imp.users) > MaxCSVRows {
			return nil, imp.problems, &TooLargeCSVError{Name: name, Why: fmt.Sprintf("has more than %d user rows (row %d is one too many)", MaxCSVRows, row)}
		}
	}
	imp.flagShortExtensions()
	imp.flagDuplicates()
	if len(imp.users) == 0 {
		imp.problem(1, "", Warning, "the file has a header but no user rows")
	}
	return imp.drafts(name), imp.problems, nil
}

// checkEncoding refuses UTF-16 (Excel's "Unicode text") with a fix, and
// drops a UTF-8 byte-order mark.
func checkEncoding(br *bufio.Reader) error {
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return errors.New("the file is UTF-16 (\"Unicode text\"): save it as \"CSV UTF-8\" and import again")
	}
	return nil
}

// sniffDelimiter picks the separator of the header line: spreadsheets in
// many locales write ";" (or tab) instead of ",". Excel's "sep=;" first
// line is honoured and skipped.
func sniffDelimiter(br *bufio.Reader) (comma rune, skipSepLine bool, err error) {
	peek, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, false, err
	}
	line, _, _ := bytes.Cut(peek, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	if bytes.HasPrefix(bytes.ToLower(line), []byte("sep=")) && len(line) == 5 {
		return rune(line[4]), true, nil
	}
	best, bestCount := ',', 0
	for _, c := range []rune{',', ';', '\t'} {
		inQuote, n := false, 0
		for _, r := range string(line) {
			if r == '"' {
				inQuote = !inQuote
			} else if r == c && !inQuote {
				n++
			}
		}
		if n > bestCount {
			best, bestCount = c, n
		}
	}
	return best, false, nil
}

// csvImport is the state of one ImportCSV call.
type csvImport struct {
	col      map[string]int    // canonical column → cell index
	label    map[string]string // canonical column → header as written
	width    int
	problems []RowProblem
	users    []User
	rows     []int      // spreadsheet row of each user
	macCols  [][]string // MAC column of each user's desk phones, in order
}

func (imp *csvImport) problem(row int, column string, sev Severity, format string, args ...any) {
	imp.problems = append(imp.problems, RowProblem{Row: row, Column: column, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (imp *csvImport) readHeader(header []string) error {
	imp.col, imp.label, imp.width = map[string]int{}, map[string]string{}, len(header)
	known := map[string]bool{}
	for _, c := range CSVColumns() {
		known[c] = true
	}
	for i, h := range header {
		key := headerKey(strings.ToValidUTF8(h, "\uFFFD"))
		switch {
		case key == "":
			continue
		case !known[key]:
			imp.problem(1, strings.TrimSpace(h), Warning, "unknown column, ignored (zpadd's columns: %s)", strings.Join(CSVColumns()[:12], ", ")+", desk_phone_*, "+colEmergencyAddress)
		case imp.hasColumn(key):
			imp.problem(1, strings.TrimSpace(h), Error, "the column appears twice; only the first one (column %d) is read", imp.col[key]+1)
		default:
			imp.col[key], imp.label[key] = i, strings.TrimSpace(h)
		}
	}
	if !imp.hasColumn(colEmail) {
		found := make([]string, 0, len(header))
		for _, h := range header {
			found = append(found, strings.TrimSpace(h))
		}
		return fmt.Errorf("the header row (row 1) has no email column; it has: %s. The first row must name the columns: %s",
			strings.Join(found, ", "), strings.Join(CSVColumns()[:12], ", "))
	}
	return nil
}

func (imp *csvImport) hasColumn(c string) bool { _, ok := imp.col[c]; return ok }

// cell returns a cell by canonical column name ("" when the column or the
// cell is missing): a text-marked cell (EncodeCell) exactly, any other
// trimmed of spaces and checked for what a spreadsheet would run; invalid
// UTF-8 is reported and replaced.
func (imp *csvImport) cell(row int, rec []string, column string) string {
	i, ok := imp.col[column]
	if !ok || i >= len(rec) {
		return ""
	}
	v := rec[i]
	if !utf8.ValidString(v) {
		imp.problem(row, imp.label[column], Error, "not UTF-8 text (unreadable characters were replaced): save the file as \"CSV UTF-8\"")
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	if v, marked := decodeCell(v); marked {
		imp.checkText(row, column, v)
		return v
	}
	v = trimCell(v)
	imp.checkText(row, column, v)
	if why := looksLikeFormula(v); why != "" {
		imp.problem(row, imp.label[column], Warning,
			"%q looks like a spreadsheet formula (it %s): imported as text; make sure it is meant, as a spreadsheet would run it", v, why)
	}
	return v
}

func (imp *csvImport) readRow(row int, rec []string) {
	blank := true
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return // an empty spreadsheet row holds nothing to import
	}
	switch {
	case len(rec) > imp.width && strings.TrimSpace(strings.Join(rec[imp.width:], "")) != "":
		imp.problem(row, "", Error, "this row has %d cells but the header has %d: the cells past the last column were not read; check for a stray separator", len(rec), imp.width)
	case len(rec) < imp.width:
		imp.problem(row, "", Warning, "this row has %d cells but the header has %d: the missing ones were read as empty; check for a missing separator", len(rec), imp.width)
	}
	u := User{
		FirstName:    imp.cell(row, rec, colFirstName),
		LastName:     imp.cell(row, rec, colLastName),
		SiteName:     imp.cell(row, rec, colSiteName),
		SiteCode:     imp.cell(row, rec, colSiteCode),
		TemplateName: imp.cell(row, rec, colTemplate),
		CallingPlans: splitList(imp.cell(row, rec, colPlans)),
		// An address id or its one-line text, kept as written; check
		// resolves it against the account's addresses.
		EmergencyAddress: imp.cell(row, rec, colEmergencyAddress),
	}
	u.Email = imp.email(row, imp.cell(row, rec, colEmail))
	u.ExtensionNumber = imp.extension(row, imp.cell(row, rec, colExtension))
	for _, n := range splitList(imp.cell(row, rec, colNumbers)) {
		u.PhoneNumbers = append(u.PhoneNumbers, imp.number(row, colNumbers, n))
	}
	if id := imp.cell(row, rec, colCallerID); id != "" {
		u.OutboundCallerID = imp.number(row, colCallerID, id)
	}
	u.SelectOutboundCallerID = imp.optionalBool(row, colSelectCallerID, imp.cell(row, rec, colSelectCallerID))
	u.SMS = imp.optionalBool(row, colSMS, imp.cell(row, rec, colSMS))
	var macCols []string
	for p := 0; p < MaxDeskPhones; p++ {
		if dp, ok := imp.deskPhone(row, rec, p); ok {
			u.DeskPhones = append(u.DeskPhones, dp)
			macCols = append(macCols, imp.macLabel(p))
		}
	}
	imp.users = append(imp.users, u)
	imp.rows = append(imp.rows, row)
	imp.macCols = append(imp.macCols, macCols)
}

func (imp *csvImport) drafts(name string) []*Draft {
	n := (len(imp.users) + MaxUsers - 1) / MaxUsers
	out := make([]*Draft, 0, n)
	for k := 0; k < n; k++ {
		d := NewDraft(fmt.Sprintf("import: %s (%d of %d)", name, k+1, n), Defaults{})
		end := min((k+1)*MaxUsers, len(imp.users))
		d.Users = append(d.Users, imp.users[k*MaxUsers:end]...)
		out = append(out, d)
	}
	return out
}
