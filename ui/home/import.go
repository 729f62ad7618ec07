package home

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
)

// maxSuggestions bounds the completion list (a folder may hold thousands).
const maxSuggestions = 200

func (m *Model) updateImport(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.mode = browsing
		m.input.Blur()
		return m, nil
	case "enter":
		path := expandHome(strings.TrimSpace(m.input.Value()))
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			// enter on a folder descends into it, like tab.
			m.input.SetValue(strings.TrimSuffix(m.input.Value(), "/") + "/")
			m.input.CursorEnd()
			m.refreshSuggestions()
			return m, nil
		}
		m.mode = browsing
		m.input.Blur()
		return m, m.importFile(path)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.refreshSuggestions()
	return m, cmd
}

// refreshSuggestions offers the entries of the typed path's folder that
// start with what was typed (folders end in "/", CSV files first).
func (m *Model) refreshSuggestions() {
	typed := m.input.Value()
	dir, prefix := filepath.Split(typed)
	look := expandHome(dir)
	if look == "" {
		look = "."
	}
	entries, err := os.ReadDir(look)
	if err != nil {
		m.input.SetSuggestions(nil)
		return
	}
	var csvs, others []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(strings.ToLower(name), strings.ToLower(prefix)) {
			continue
		}
		if strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix, ".") {
			continue
		}
		full := dir + name
		switch {
		case e.IsDir():
			others = append(others, full+"/")
		case strings.EqualFold(filepath.Ext(name), ".csv"):
			csvs = append(csvs, full)
		default:
			others = append(others, full)
		}
	}
	sort.Strings(csvs)
	sort.Strings(others)
	all := append(csvs, others...)
	if len(all) > maxSuggestions {
		all = all[:maxSuggestions]
	}
	m.input.SetSuggestions(all)
}

func expandHome(p string) string {
	if strings.HasPrefix(p, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, p[2:])
		}
	}
	return p
}

// importFile imports a CSV into one draft per 10 rows and saves them;
// row problems are listed on the Home screen.
func (m *Model) importFile(path string) tea.Cmd {
	if path == "" {
		return common.Error(fmt.Errorf("import: no file given"))
	}
	f, err := os.Open(path)
	if err != nil {
		return common.Error(fmt.Errorf("import: %w", err))
	}
	defer f.Close()
	drafts, problems, err := state.ImportCSV(f, filepath.Base(path))
	if err != nil {
		return common.Error(fmt.Errorf("import %s: %w", path, err))
	}
	saved := 0
	for _, d := range drafts {
		if err := m.ctx.Store.Save(d); err != nil {
			m.reload()
			return common.Error(fmt.Errorf("import %s: saving %q: %w", path, d.Name, err))
		}
		saved++
	}
	m.reload()
	m.report = nil
	for _, p := range problems {
		m.report = append(m.report, p.String())
	}
	msg := fmt.Sprintf("imported %s: %d draft(s)", filepath.Base(path), saved)
	if len(problems) > 0 {
		msg += fmt.Sprintf(", %d row problem(s) listed below", len(problems))
	}
	return common.Status(msg)
}
