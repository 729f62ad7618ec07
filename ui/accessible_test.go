package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Accessible mode: line-by-line answers fill and save a draft.
func TestAccessibleAddsAndSavesUser(t *testing.T) {
	e := newEnv(t)
	o := e.options()
	o.Accessible = true
	o.Input = strings.NewReader("ada@example.com\nAda\nLovelace\n1105\n1\n1\n\nn\n")
	var out bytes.Buffer
	o.Output = &out
	if err := Run(context.Background(), o); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	drafts, _, _ := e.store.List()
	if len(drafts) != 1 {
		t.Fatalf("want one draft, got %d\n%s", len(drafts), out.String())
	}
	d, _ := e.store.Load(drafts[0].ID)
	if len(d.Users) != 1 || d.Users[0].Email != "ada@example.com" || d.Users[0].LastName != "Lovelace" || d.Users[0].SiteName == "" {
		t.Fatalf("user not saved as answered: %+v\n%s", d.Users, out.String())
	}
	if !strings.Contains(out.String(), "zpadd submit "+d.ID) {
		t.Errorf("does not say how to submit:\n%s", out.String())
	}
}
