package common

import (
	"fmt"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"
)

// Ago renders a past time the way the sketches do: "just now", "2 min ago",
// "3 h ago", "yesterday", "26 Nov".
func Ago(t, now time.Time) string {
	if t.IsZero() {
		return "—"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 12*time.Hour && sameDay(t, now):
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	case sameDay(t, now):
		return "today " + t.Format("15:04")
	case sameDay(t, now.AddDate(0, 0, -1)):
		return "yesterday"
	case t.Year() == now.Year():
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}

// Stamp renders a time as "26 Nov 09:14".
func Stamp(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2 Jan 15:04")
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Local().Date()
	by, bm, bd := b.Local().Date()
	return ay == by && am == bm && ad == bd
}

// PhoneLabel renders an E.164 number the way people read it, as the number
// picker does ("+16468201000" → "+1 646-820-1000"); anything that does not
// parse is shown as stored.
func PhoneLabel(e164 string) string {
	num, err := phonenumbers.Parse(e164, "US")
	if err != nil || !strings.HasPrefix(strings.TrimSpace(e164), "+") {
		return e164
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}
