package state

import (
	"fmt"
	"strings"
)

// RowProblem is something found while reading a CSV file, named the way a
// spreadsheet shows it: Row 1 is the header, the first user is row 2, and
// Column is the header's name as written in the file.
type RowProblem struct {
	Row      int      `json:"row"`
	Column   string   `json:"column,omitempty"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

func (p RowProblem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("row %d: %s", p.Row, p.Message)
	}
	return fmt.Sprintf("row %d, column %s: %s", p.Row, p.Column, p.Message)
}

// Column names of zpadd's CSV format (DESIGN.md), fixed for scripts.
const (
	colEmail            = "email"
	colFirstName        = "first_name"
	colLastName         = "last_name"
	colExtension        = "extension_number"
	colSiteName         = "site_name"
	colSiteCode         = "site_code"
	colTemplate         = "template_name"
	colPlans            = "calling_plans"
	colNumbers          = "phone_numbers"
	colCallerID         = "outbound_caller_id"
	colSelectCallerID   = "select_outbound_caller_id"
	colSMS              = "sms"
	colEmergencyAddress = "emergency_address"
	deskPhoneMAC        = "mac"
	deskPhoneBrand      = "brand"
	deskPhoneModel      = "model"
	deskPhoneProvision  = "provision_template"
	listSeparator       = ";"
	maxImportProblemCap = 1000
)

var deskPhoneFields = []string{deskPhoneMAC, deskPhoneBrand, deskPhoneModel, deskPhoneProvision}

// deskPhoneColumn names a desk-phone column: phone 0 is "desk_phone_mac",
// phone 1 "desk_phone_2_mac", phone 2 "desk_phone_3_mac".
func deskPhoneColumn(phone int, field string) string {
	if phone == 0 {
		return "desk_phone_" + field
	}
	return fmt.Sprintf("desk_phone_%d_%s", phone+1, field)
}

// CSVColumns lists every column zpadd reads and writes, in export order.
func CSVColumns() []string {
	cols := []string{colEmail, colFirstName, colLastName, colExtension, colSiteName, colSiteCode,
		colTemplate, colPlans, colNumbers, colCallerID, colSelectCallerID, colSMS}
	for p := 0; p < MaxDeskPhones; p++ {
		for _, f := range deskPhoneFields {
			cols = append(cols, deskPhoneColumn(p, f))
		}
	}
	return append(cols, colEmergencyAddress)
}

// headerKey reads a header cell leniently: any case, surrounding space,
// and spaces or hyphens for underscores ("Extension Number").
func headerKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}
