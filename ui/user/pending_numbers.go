package user

// pendingNote marks a number being ported in the number picker: it is
// listed so the operator sees it, but pre-flight refuses it (zoom-api.md
// §11.3).
const pendingNote = "pending: being ported, not assignable yet"

func pendingNotes(pending []string) map[string]string {
	if len(pending) == 0 {
		return nil
	}
	out := make(map[string]string, len(pending))
	for _, n := range pending {
		out[n] = pendingNote
	}
	return out
}
