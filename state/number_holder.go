package state

import "zpadd/state/safetext"

// holder names who holds an assigned number, "Ann Lee (ext 1204)". The name
// is Zoom's (anyone on the account can set it), so it is shown escaped on
// one line (safetext.Line): it can neither colour nor split a message.
func holder(n Number) string {
	name := safetext.Line(n.AssignedTo)
	if n.AssignedExt == "" {
		return name
	}
	return name + " (ext " + safetext.Line(n.AssignedExt) + ")"
}
