package state

import "fmt"

// testCatalog is a small two-site account with every list known.
func testCatalog() *Catalog {
	return &Catalog{
		Sites: []Site{
			{ID: "s1", Name: "HQ", Code: "1", Country: "US", ExtensionLength: 4},
			{ID: "s2", Name: "London", Code: "2", Country: "GB", ExtensionLength: 3},
		},
		Templates: []Template{
			{ID: "t1", Name: "HQ users", Type: "user", SiteID: "s1"},
			{ID: "t2", Name: "HQ groups", Type: "group", SiteID: "s1"},
			{ID: "t3", Name: "London users", Type: "user", SiteID: "s2"},
		},
		Plans: []Plan{
			{Type: 200, Name: "UNLIMITED_PLAN_US_CA", Available: 3},
			{Type: 202, Name: "UNLIMITED_PLAN_GB_IE", ShortName: "UK/Ireland Unlimited", Available: 5},
		},
		Numbers: []Number{
			{Number: "+12125550100", SiteID: "s1"},
			{Number: "+12125550101", SiteID: "s1"},
			{Number: "+12125550102", SiteID: "s1", Assigned: true},
			{Number: "+442079460000", SiteID: "s2"},
		},
		ProvisionTemplates: []ProvisionTemplate{{ID: "p1", Name: "HQ Yealink"}},
		Devices:            []Device{{ID: "d1", MAC: "805ec0000001", Assignee: "old@example.com"}},
		PhoneUsers:         []PhoneUser{{ID: "u1", Email: "taken@example.com", ExtensionNumber: "1000", SiteID: "s1"}},
		Known: map[string]bool{"sites": true, "templates": true, "plans": true, "numbers": true,
			"provision_templates": true, "devices": true, "phone_users": true},
	}
}

// validUser is user n of a draft that passes every rule of testCatalog.
func validUser(n int) User {
	return User{
		Email:            fmt.Sprintf("user%d@example.com", n),
		FirstName:        "User",
		LastName:         fmt.Sprint(n),
		ExtensionNumber:  fmt.Sprintf("2%03d", n),
		SiteName:         "HQ",
		TemplateName:     "HQ users",
		CallingPlans:     []string{"US/CA Unlimited"},
		PhoneNumbers:     []string{fmt.Sprintf("+1212555010%d", n)},
		OutboundCallerID: fmt.Sprintf("+1212555010%d", n),
		DeskPhones:       []DeskPhone{{MAC: fmt.Sprintf("805ec03deb%02x", n+16), Brand: "Yealink", Model: "t46s", ProvisionTemplate: "HQ Yealink"}},
	}
}
