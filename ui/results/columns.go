package results

import "github.com/charmbracelet/x/ansi"

// dropped is the width of a column left out because the screen is too
// narrow for it.
const dropped = -1

// Fixed columns of the results table; the indent is the table's left margin.
const (
	indentWidth  = 4
	resultWidth  = 12
	extWidth     = 11
	numbersWidth = 9
	// deskWanted is the most the desk-phone column asks for before the
	// name and id columns get the rest ("○ waiting for it to be plugged in").
	deskWanted = 34
	// userMax caps the name column; userMin is what it keeps on narrow screens.
	userMax, userMin = 24, 12
	// idMin is the shortest useful shortened Zoom id (its start and "…"):
	// DESIGN.md's "created (with id)" is met by the export in full, the
	// screen shows what fits.
	idMin = 8
)

// columnWidths share the row between the columns. Names come first: the
// user column takes what its names need (up to userMax) while the desk
// column keeps what its cells show now; the created users' Zoom id gets
// what is left, shortened with "…", and is dropped rather than cutting a
// name. The desk column is last and is cut by the frame when too long.
func (m *Model) columnWidths() []int {
	w := m.width
	if w <= 0 {
		w = 100
	}
	fixed := indentWidth + resultWidth + 1 + extWidth + 1 + numbersWidth + 1
	desk := min(m.widest(colDesk), deskWanted)
	names := min(max(m.widest(colUser), ansi.StringWidth("User")), userMax)
	room := w - fixed - desk
	user := min(names, max(room-1, userMin))

	id := dropped
	if ids := m.widest(colID); ids > 0 && user == names {
		// One space after the user column and one after the id column.
		if fit := min(ids, room-user-2); fit >= min(ids, idMin) {
			id = max(fit, ansi.StringWidth("id"))
		}
	}
	return []int{user, resultWidth, id, extWidth, numbersWidth, 0}
}

// widest is the widest cell of a column over all rows.
func (m *Model) widest(col int) int {
	w := 0
	for i := range m.prog.rows {
		w = max(w, ansi.StringWidth(m.rowCells(i)[col]))
	}
	return w
}
