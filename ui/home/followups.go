package home

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"zpadd/state"
	"zpadd/ui/common"
	"zpadd/zoom/submit"
)

// Drafts whose created users still wait for a follow-up (an emergency
// address): zpadd stopped between the batch and its follow-ups, or a
// follow-up's answer was lost. r finishes them, as it reconciles a batch:
// nothing is POSTed again, and a write that may have reached Zoom is read
// back before anything is sent.

type followUpsDone struct {
	name string
	sub  *state.Submission
	err  error
}

// pendingFollowUps finds them among the submitted drafts (no request).
// Only drafts the listing says name an emergency address are loaded: with
// a year of batches, loading every sent draft was most of Home's start.
func pendingFollowUps(ctx *common.Context, drafts []state.DraftInfo) []*state.Draft {
	if ctx.Service == nil || ctx.Store == nil {
		return nil
	}
	var ds []*state.Draft
	for _, info := range drafts {
		if info.Status == "" || info.Status == submit.DraftStatusDraft || !info.EmergencyAddresses {
			continue
		}
		if d, err := ctx.Store.Load(info.ID); err == nil {
			ds = append(ds, d)
		}
	}
	return ctx.Service.PendingFollowUps(ds)
}

// pendingFollowUpsLine is the banner, "" when none wait.
func (m *Model) pendingFollowUpsLine() string {
	n := len(m.pendingFollowUps)
	if n == 0 {
		return ""
	}
	s := fmt.Sprintf("! %q: emergency addresses not yet set after the batch", m.pendingFollowUps[0].Name)
	if n > 1 {
		s = fmt.Sprintf("! %d submitted drafts have emergency addresses not yet set, first %q", n, m.pendingFollowUps[0].Name)
	}
	tail := "r finishes them"
	if m.busy {
		tail = "finishing…"
	}
	return " " + m.ctx.Styles.Notice.Render(s) + "   " + m.ctx.Styles.Muted.Render(tail)
}

// finishFollowUps runs the first pending draft's follow-ups.
func (m *Model) finishFollowUps() tea.Cmd {
	if len(m.pendingFollowUps) == 0 || m.busy {
		return nil
	}
	if m.ctx.Service == nil {
		return common.Error(errors.New("cannot finish the follow-ups: not connected to Zoom"))
	}
	d := m.pendingFollowUps[0]
	// Held while the follow-ups run, so no other zpadd writes this draft's
	// users at the same time.
	ss, err := submit.OpenSession(m.ctx.Store, m.ctx.Service, d.ID)
	if err != nil {
		return common.Error(err)
	}
	if held := ss.ReadOnly(); held != nil {
		_ = ss.Close()
		return common.Error(fmt.Errorf("not now: draft %s is open in %s", held.Label(), held.Who()))
	}
	m.busy = true
	svc := m.ctx.Service
	return tea.Batch(common.Status(fmt.Sprintf("setting the emergency addresses of %q…", d.Name)), func() tea.Msg {
		defer ss.Close()
		sub, err := svc.FinishFollowUps(context.Background(), d, nil)
		return followUpsDone{name: d.Name, sub: sub, err: err}
	})
}

// followUpsSummary counts the emergency-address checks of a finished run.
func followUpsSummary(msg followUpsDone) string {
	ok, bad := 0, 0
	for _, r := range msg.sub.Results {
		for _, c := range r.Checks {
			if c.Name != submit.CheckEmergencyAddress {
				continue
			}
			if c.OK {
				ok++
			} else {
				bad++
			}
		}
	}
	return fmt.Sprintf("%q: %d emergency address%s in place, %d not set (see zpadd submit for details)", msg.name, ok, map[bool]string{true: "", false: "es"}[ok == 1], bad)
}
