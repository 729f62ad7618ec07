package cli

import (
	"fmt"
	"time"

	"zpadd/zoom/submit"
)

// DescribeEvent turns one workflow event into a progress line (stderr of
// `zpadd submit`, the accessible wizard's submit),
// or "" for events too fine-grained for a log.
func DescribeEvent(ev submit.Event) string {
	who := ev.Email
	switch ev.Kind {
	case submit.PreflightStarted:
		return "pre-flight: checking against Zoom"
	case submit.CheckDone:
		if ev.Status == "ok" {
			return ""
		}
		return fmt.Sprintf("pre-flight: %s %s: %s: %s", ev.Status, who, ev.Field, ev.Message)
	case submit.PreflightDone:
		return "pre-flight: " + ev.Message
	case submit.Sending:
		return "sending: " + ev.Message
	case submit.Sent:
		return fmt.Sprintf("sent: %s (%s)", ev.Status, ev.Elapsed.Round(time.Millisecond))
	case submit.UserCreated:
		return fmt.Sprintf("created %s (id %s)", who, ev.Message)
	case submit.UserRefused:
		if ev.Field != "" {
			return fmt.Sprintf("refused %s: %s: %s", who, ev.Field, ev.Message)
		}
		return fmt.Sprintf("refused %s: %s", who, ev.Message)
	case submit.UserUnknown:
		return fmt.Sprintf("outcome unknown for %s: %s", who, ev.Message)
	case submit.Split:
		return "split: " + ev.Message
	case submit.RateLimited:
		return fmt.Sprintf("rate limited by Zoom: waiting %s", ev.Elapsed.Round(time.Millisecond))
	case submit.Reconciling:
		return "reconciling: " + ev.Message
	case submit.UserVerified:
		if ev.Check != nil && ev.Check.Name == submit.CheckEmergencyAddress {
			return fmt.Sprintf("follow-up %s: %s: %s", who, ev.Check.Name, ev.Check.Detail)
		}
		if ev.Check == nil || ev.Check.OK {
			return ""
		}
		return fmt.Sprintf("verify %s: %s: %s", who, ev.Check.Name, ev.Check.Detail)
	case submit.Done:
		return "done: " + ev.Message
	}
	return ""
}
