package state

// Clone returns a deep copy of d: a snapshot a goroutine (pre-flight,
// submit, watch) can read while the wizard keeps editing the original.
func (d *Draft) Clone() *Draft {
	if d == nil {
		return nil
	}
	cp := *d
	cp.Defaults = cloneDefaults(d.Defaults)
	if d.Users != nil {
		cp.Users = make([]User, len(d.Users))
		for i, u := range d.Users {
			cp.Users[i] = u.Clone()
		}
	}
	return &cp
}

// Clone returns a deep copy of u.
func (u User) Clone() User {
	u.CallingPlans = cloneStrings(u.CallingPlans)
	u.PhoneNumbers = cloneStrings(u.PhoneNumbers)
	u.SelectOutboundCallerID = cloneBool(u.SelectOutboundCallerID)
	u.SMS = cloneBool(u.SMS)
	if u.DeskPhones != nil {
		u.DeskPhones = append([]DeskPhone(nil), u.DeskPhones...)
	}
	return u
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}
