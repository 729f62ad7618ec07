package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"zpadd/state"
	"zpadd/zoom/submit"
)

// deviceJSON is one line of `zpadd devices --json`: a desk phone of a
// submitted draft with its status and Zoom's provisioning type and URL.
type deviceJSON struct {
	Email            string `json:"email"`
	MAC              string `json:"mac"`
	Brand            string `json:"brand"`
	Model            string `json:"model"`
	DeviceID         string `json:"device_id"`
	Status           string `json:"status"`
	ProvisioningType string `json:"provisioning_type"`
	ProvisioningURL  string `json:"provisioning_url"`
	Hint             string `json:"hint,omitempty"`
	Error            string `json:"error,omitempty"`
}

// Devices lists each desk phone of the users a draft's submissions
// created: status, provisioning type and URL, and what to check for a
// phone not online. It reads only. Exit 2 when the draft has no submitted
// users.
func Devices(ctx context.Context, e *Env, ref string, asJSON bool) int {
	d, svc, code := e.draftAndService(ref)
	if code != ExitOK {
		return code
	}
	sub, err := svc.SubmittedDraft(d)
	if err != nil {
		e.errorf("%s: %v", d.Name, err)
		return ExitOther
	}
	if sub == nil {
		e.errorf("%s: no user of this draft has been created yet: submit it first (zpadd submit %s)", d.Name, d.ID)
		return ExitInvalid
	}
	ps, err := svc.Provisioning(ctx, sub, d)
	if err != nil {
		e.errorf("%s: %v", d.Name, err)
		return ExitOther
	}
	out := make([]deviceJSON, 0, len(ps))
	for _, p := range ps {
		j := deviceJSON{Email: p.Email, MAC: state.FormatMAC(p.MAC, ":"), Brand: p.Brand, Model: p.Model, DeviceID: p.Device,
			Status: p.Status, ProvisioningType: p.Type, ProvisioningURL: p.URL, Error: p.Error}
		if p.Status != "online" {
			j.Hint = submit.OfflineHint(p)
		}
		out = append(out, j)
	}
	if asJSON {
		return writeJSON(e, out)
	}
	if len(out) == 0 {
		fmt.Fprintf(e.Stdout, "%s: the created users have no desk phones\n", d.Name)
		return ExitOK
	}
	tw := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EMAIL\tMAC\tMODEL\tSTATUS\tPROVISIONING\tURL")
	for _, j := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", j.Email, j.MAC, dash(j.Brand+" "+j.Model), j.Status, dash(j.ProvisioningType), dash(j.ProvisioningURL))
	}
	tw.Flush()
	for _, j := range out {
		switch {
		case j.Error != "":
			fmt.Fprintf(e.Stdout, "%s %s: %s\n", j.Email, j.MAC, j.Error)
		case j.Hint != "":
			fmt.Fprintf(e.Stdout, "%s %s is %s: %s\n", j.Email, j.MAC, j.Status, j.Hint)
		}
	}
	return ExitOK
}
