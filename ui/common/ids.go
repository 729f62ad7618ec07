package common

// ScreenID names a screen for navigation.
type ScreenID int

// The wizard's screens. The zero value is HomeScreen.
const (
	HomeScreen     ScreenID = iota
	DefaultsScreen          // batch defaults of Context.Draft
	BatchScreen             // the users table of Context.Draft
	UserScreen              // one user's form: Navigate.User (NewUser to add), Navigate.Field to focus
	ScanScreen              // scan-only mode over Context.Draft
	ReviewScreen            // problems + request body of Context.Draft
	ResultsScreen           // submit and live results of Context.Draft
)

// NewUser as Navigate.User asks the user form to add a new user.
const NewUser = -1

// String is the screen's default breadcrumb segment.
func (id ScreenID) String() string {
	switch id {
	case HomeScreen:
		return "home"
	case DefaultsScreen:
		return "defaults"
	case BatchScreen:
		return "batch"
	case UserScreen:
		return "user"
	case ScanScreen:
		return "scan phones"
	case ReviewScreen:
		return "review"
	case ResultsScreen:
		return "submit"
	}
	return "?"
}
