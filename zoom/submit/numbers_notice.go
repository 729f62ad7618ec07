package submit

// NumbersNotice says, once per run, which of Zoom's two number lists is in
// use and why not the other (zoom-api.md §5.4, §5.5, §11.3); "" before any
// number was read and once said.
func (s *Service) NumbersNotice() string { return s.c.NumbersNotice() }

// withNumbersNotice appends the notice, if still untold, to a summary line.
func (s *Service) withNumbersNotice(msg string) string {
	if n := s.NumbersNotice(); n != "" {
		return msg + "; " + n
	}
	return msg
}
