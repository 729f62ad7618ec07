package state

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// ExportCSV writes the draft's users in zpadd's CSV format, with the same
// columns ImportCSV reads, so importing the result gives the same users.
func ExportCSV(w io.Writer, d *Draft) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns()); err != nil {
		return err
	}
	for _, u := range d.Users {
		if err := cw.Write(encodeRecord(userRecord(u))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func userRecord(u User) []string {
	rec := []string{u.Email, u.FirstName, u.LastName, u.ExtensionNumber, u.SiteName, u.SiteCode,
		u.TemplateName, strings.Join(u.CallingPlans, listSeparator), strings.Join(u.PhoneNumbers, listSeparator),
		u.OutboundCallerID, formatOptionalBool(u.SelectOutboundCallerID), formatOptionalBool(u.SMS)}
	for p := 0; p < MaxDeskPhones; p++ {
		if p >= len(u.DeskPhones) {
			rec = append(rec, "", "", "", "")
			continue
		}
		dp := u.DeskPhones[p]
		// Colons keep a spreadsheet from reading an all-digit MAC as a
		// number and dropping its leading zeros.
		rec = append(rec, FormatMAC(dp.MAC, ":"), dp.Brand, dp.Model, dp.ProvisionTemplate)
	}
	return append(rec, u.EmergencyAddress)
}

// encodeRecord makes each cell safe to open in a spreadsheet (EncodeCell).
func encodeRecord(rec []string) []string {
	for i, v := range rec {
		rec[i] = EncodeCell(v)
	}
	return rec
}

func formatOptionalBool(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}
