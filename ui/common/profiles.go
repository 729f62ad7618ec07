package common

// SandboxHint is the one line every sandbox screen offers for leaving it.
const SandboxHint = "This is the sandbox: nothing reaches Zoom. To connect a real account, quit and run: zpadd login"

// SwitchProfile asks the shell to save, close and reopen zpadd on another
// account profile.
type SwitchProfile struct{ Name string }
