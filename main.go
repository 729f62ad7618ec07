// Command zpadd adds Zoom Phone users from a terminal, up to 10 at a time,
// through Zoom's POST /v2/phone/users/batch. main.go holds flags,
// subcommands, configuration and wiring; nothing else.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"zpadd/state"
	"zpadd/state/safetext"
	"zpadd/ui"
	"zpadd/ui/cli"
	"zpadd/zoom"
	"zpadd/zoom/sandbox"
	"zpadd/zoom/submit"
)

// version is set at build time with -ldflags "-X main.version=..."; the
// module's build info is the fallback.
var version = ""

// globals are the flags every command shares.
type globals struct {
	sandbox    bool
	gov        bool
	plan       string
	profile    string
	accessible bool
}

// exitError carries a command's exit code out of cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	out := &cli.CheckedWriter{W: os.Stdout}
	root := newRoot()
	root.SetOut(out)
	err := root.ExecuteContext(ctx)
	stop()
	if err == nil && out.Err != nil {
		err = fmt.Errorf("writing the output failed: %w", out.Err)
	}
	var ee exitError
	switch {
	case errors.As(err, &ee):
		os.Exit(ee.code)
	case err != nil:
		fmt.Fprintln(os.Stderr, "zpadd:", safetext.Text(err.Error()))
		os.Exit(cli.ExitOther)
	}
}

const envHelp = `Environment:
  ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET
                    Server-to-Server OAuth credentials (env wins over zpadd login's
                    profile). With none at all, zpadd uses the embedded sandbox.
  ZPADD_PROFILE     account profile from zpadd login (as --profile)
  ZOOM_API_URL      API base (default https://api.zoom.us/v2)
  ZOOM_OAUTH_URL    token endpoint (default https://zoom.us/oauth/token)
  ZOOM_PLAN         pro | business: sizes the client-side rate limits
  ZOOM_TOKEN_INDEX  token index, where Zoom lets tokens of several indexes coexist
  ZPADD_HOME        one folder for config, drafts, journal, cache and log
  ACCESSIBLE=1      line-by-line prompts for screen readers
  NO_COLOR          no colours

Exit codes:
  0 all done   1 other error (config, auth, network before anything was sent)
  2 invalid input or pre-flight blocked, nothing sent
  3 Zoom refused some or all users   4 outcome unknown after reconcile`

func newRoot() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "zpadd",
		Short: "Add Zoom Phone users from a terminal, up to 10 at a time",
		Long: "zpadd adds Zoom Phone users through POST /v2/phone/users/batch: a keyboard-first\n" +
			"wizard (no subcommand) and headless commands for scripts.",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd.Context(), g, nil)
		},
	}
	root.SetHelpTemplate(root.HelpTemplate() + "\n" + envHelp + "\n")
	pf := root.PersistentFlags()
	pf.BoolVar(&g.sandbox, "sandbox", false, "run against the embedded Zoom simulator")
	pf.BoolVar(&g.gov, "gov", false, "use zoomgov.com endpoints by default")
	pf.StringVar(&g.plan, "plan", "", "rate plan: pro (default) or business (env ZOOM_PLAN)")
	pf.StringVar(&g.profile, "profile", "", "account profile from zpadd login (env ZPADD_PROFILE)")
	pf.BoolVar(&g.accessible, "accessible", os.Getenv("ACCESSIBLE") != "", "accessible line-by-line prompts (env ACCESSIBLE=1)")

	root.AddCommand(
		&cobra.Command{
			Use:   "add EMAIL...",
			Short: "Open the wizard on a new draft holding these users, with the last-used batch defaults",
			Args:  cobra.MinimumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return runTUI(cmd.Context(), g, args)
			},
		},
		importCmd(g), draftsCmd(g), exportCmd(g), checkCmd(g), submitCmd(g), devicesCmd(g), sandboxCmd(),
		doctorCmd(g), loginCmd(g), logoutCmd(g), profilesCmd(g),
		&cobra.Command{
			Use:   "version",
			Short: "Print zpadd's version",
			Args:  cobra.NoArgs,
			Run: func(cmd *cobra.Command, _ []string) {
				fmt.Fprintln(cmd.OutOrStdout(), "zpadd", buildVersion())
			},
		},
	)
	return root
}

func importCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.csv",
		Short: "Import a CSV into drafts of at most 10 users; prints each draft id",
		Long: "Import a CSV (header row required; UTF-8 with or without BOM) into one draft per\n" +
			"10 rows. Row problems are listed as \"row N, column C: message\".",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Import(e, args[0]) })
		},
	}
}

func draftsCmd(g *globals) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "drafts",
		Short: "List drafts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Drafts(e, asJSON) })
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, `JSON array of {"id","name","users","updated","status"}`)
	return c
}

func exportCmd(g *globals) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "export DRAFT",
		Short: "Write a draft to stdout as CSV (the import columns) or JSON",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Export(e, args[0], format) })
		},
	}
	c.Flags().StringVar(&format, "format", "csv", "csv or json")
	return c
}

func checkCmd(g *globals) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "check DRAFT",
		Short: "Run pre-flight (local rules and reads against Zoom); sends no write",
		Long:  "Run pre-flight on a draft. Exit 0 when nothing blocks, 2 when something does.",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Check(cmd.Context(), e, args[0], asJSON) })
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, `JSON array of {"email","status","id","error","checks"}`)
	return c
}

func submitCmd(g *globals) *cobra.Command {
	var o cli.SubmitOptions
	c := &cobra.Command{
		Use:   "submit DRAFT...",
		Short: "Submit drafts, one POST each, resumable",
		Long: "Submit one or more drafts one after another, one POST each, inside the account's\n" +
			"rate limits. Run it again after an interruption: the batch in flight is reconciled\n" +
			"and no created user is sent twice. Progress goes to stderr, results to stdout.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Submit(cmd.Context(), e, args, o) })
		},
	}
	c.Flags().BoolVar(&o.Yes, "yes", false, "submit without asking (required when stdin is not a terminal)")
	c.Flags().BoolVar(&o.JSON, "json", false, `JSON array of {"email","status","id","error","checks"}`)
	c.Flags().BoolVar(&o.DryRun, "dry-run", false, "print the exact request bodies and send nothing")
	return c
}

func devicesCmd(g *globals) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "devices DRAFT",
		Short: "List each desk phone of a submitted draft: status, provisioning type and URL",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Devices(cmd.Context(), e, args[0], asJSON) })
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, `JSON array of {"email","mac","brand","model","device_id","status","provisioning_type","provisioning_url","hint","error"}`)
	return c
}

func doctorCmd(g *globals) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "doctor",
		Short: "Check credentials, scopes per feature, endpoints and clock; read-only",
		Long: "Fetch a token and call each endpoint zpadd uses once (page size 1), and say per\n" +
			"feature what works and which granular scope to add where. Never writes.\n" +
			"Exit 0 when everything zpadd needs is there, 1 otherwise.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Doctor(cmd.Context(), e, asJSON) })
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "the report as JSON")
	return c
}

func loginCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "login",
		Short: "Store a Zoom account's credentials (the secret in the OS keyring) after checking them",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int {
				return cli.Login(cmd.Context(), e, g.loginOptions(), cli.NewFormPrompter(g.accessible))
			})
		},
	}
}

func logoutCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Forget a profile's credentials (keyring entry and config)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Logout(e, g.profile) })
		},
	}
}

func profilesCmd(g *globals) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "profiles",
		Short: "List the account profiles zpadd login stored",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(cmd, g, func(e *cli.Env) int { return cli.Profiles(e, g.profile, asJSON) })
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, `JSON array of {"name","account_id","client_id","secret","plan","gov","active"}`)
	return c
}

func sandboxCmd() *cobra.Command {
	var addr, behave string
	c := &cobra.Command{
		Use:   "sandbox",
		Short: "Serve the Zoom simulator over HTTP for other programs",
		Long: "Serve the embedded Zoom simulator. The first lines on stdout are export lines\n" +
			"(ZOOM_API_URL, ZOOM_OAUTH_URL, ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET):\n" +
			"  zpadd sandbox --addr 127.0.0.1:8099 > sandbox.out &\n" +
			"  sleep 1; eval \"$(head -5 sandbox.out)\"\n" +
			"\nBehaviours (--behave, or env ZPADD_SANDBOX), comma-separated:\n" +
			"  per-user (default) | all-or-nothing | partial-refusal\n" +
			"                                        one bad user: left out of a 201; the whole batch\n" +
			"                                        refused; or the others created, 400 naming it\n" +
			"  refuse-ten                            a batch of exactly 10 is refused\n" +
			"  latency=DUR  post-delay=DUR  answer-delay=DUR  token-ttl=DUR  device-online-after=DUR  clock-skew=DUR\n" +
			"  missing-scope=SCOPE                   the app lacks this granular scope (repeatable): 400/104\n" +
			"  classic-scopes                        an app from before granular scopes\n" +
			"  one-token                             a new token invalidates the app's earlier ones\n" +
			"  token-thief=N                         another program takes the app's token every N requests\n" +
			"  fail=KIND[@METHOD:PATH]               one scripted fault: 429, 429-date, 429-iso, 429-none,\n" +
			"                                        429-validation, drop, 503-json, 503-html, 503-empty\n" +
			"  zoom-limits | limits=business         Zoom's per-label quotas over a sliding second (429)\n" +
			"  large=N | numbers=N,phone-users=N,devices=N,users=N\n" +
			"                                        a large account: N numbers, N/2 phone users, N/5 phones\n" +
			"  How real Zoom answers: terse-errors, overstated-200, site-codes, old-numbers-gone,\n" +
			"  new-numbers-refused, pending-numbers, pending-users, billing-subscriptions, poly-edge",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if behave == "" {
				behave = os.Getenv(sandbox.EnvBehaviours)
			}
			opts, err := sandbox.ParseBehaviours(behave)
			if err != nil {
				return err
			}
			return sandbox.Serve(cmd.Context(), addr, opts, cmd.OutOrStdout())
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on")
	c.Flags().StringVar(&behave, "behave", "", "comma-separated behaviours, e.g. all-or-nothing,latency=50ms")
	return c
}

// app is everything a command needs, wired from the environment.
type app struct {
	home     state.Home
	store    *state.Store
	journal  *state.Journal
	conn     cli.Connection
	account  string // the account's display name, when known
	connErr  error  // reported only by commands that talk to Zoom
	logger   *slog.Logger
	closeLog func()
}

func openApp(g *globals) (*app, error) {
	home, err := state.ResolveHome()
	if err != nil {
		return nil, err
	}
	if err := home.Ensure(); err != nil {
		return nil, err
	}
	logger, closeLog := openLog(home)
	a := &app{logger: logger, closeLog: closeLog}
	a.conn, a.connErr = cli.ResolveConnection(home, g.connectOptions())
	profile, err := cli.ChosenProfile(g.profile)
	if err != nil {
		closeLog()
		return nil, err
	}
	// Each profile keeps its own drafts, journal and cache.
	home = home.ForProfile(profile)
	a.home = home
	if err := home.Ensure(); err != nil {
		closeLog()
		return nil, err
	}
	if a.store, err = state.OpenStore(home); err != nil {
		closeLog()
		return nil, err
	}
	if a.journal, err = state.OpenJournal(targetHome(home, a.conn)); err != nil {
		closeLog()
		return nil, err
	}
	return a, nil
}

// targetHome keeps the sandbox's journal, history and catalog cache apart
// from real Zoom's (drafts are shared): a user "created" in the simulator
// must never count as created when a real submit resumes, and the
// simulator's sites must never be shown as the account's.
func targetHome(h state.Home, conn cli.Connection) state.Home {
	if conn.Sandbox {
		h.State = filepath.Join(h.State, "sandbox")
		h.Cache = filepath.Join(h.Cache, "sandbox")
	}
	return h
}

// openLog sends slog to the log file only: the terminal belongs to the TUI
// or to the command's output.
func openLog(h state.Home) (*slog.Logger, func()) {
	f, err := h.OpenLogFile()
	if err != nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil)), func() {}
	}
	return slog.New(slog.NewTextHandler(f, nil)), func() { f.Close() }
}

func (g *globals) loginOptions() cli.LoginOptions {
	return cli.LoginOptions{Profile: g.profile, Gov: g.gov, Plan: g.plan, Sandbox: g.sandbox}
}

func (g *globals) connectOptions() cli.ConnectOptions {
	return cli.ConnectOptions{Profile: g.profile, Sandbox: g.sandbox, Gov: g.gov, Plan: g.plan}
}

// service builds the submit workflow over Zoom or the in-process sandbox,
// sharing the app's one store and journal (their file locks are per
// instance).
func (a *app) service() (*submit.Service, error) {
	if a.connErr != nil {
		return nil, a.connErr
	}
	cfg := a.conn.Config
	if a.conn.Sandbox {
		// ZPADD_SANDBOX selects behaviours for the in-process simulator too,
		// so a demo or a test can play latency or Zoom's faults in the TUI.
		opts, err := sandbox.OptionsFromEnv()
		if err != nil {
			return nil, err
		}
		// Built in the background: the first frame needs only the
		// account's name, and requests wait for the rest.
		sb, err := sandbox.OpenInBackground(opts)
		if err != nil {
			return nil, err
		}
		a.account = sb.AccountName()
		cfg = submit.SandboxConfig(cfg, sb)
	}
	cfg.Logger = a.logger
	client, err := zoom.New(cfg)
	if err != nil {
		return nil, err
	}
	return submit.New(client, targetHome(a.home, a.conn), a.journal, submit.Options{Store: a.store, Logger: a.logger}), nil
}

func withEnv(cmd *cobra.Command, g *globals, run func(*cli.Env) int) error {
	a, err := openApp(g)
	if err != nil {
		return err
	}
	defer a.closeLog()
	e := &cli.Env{
		Home: a.home, Store: a.store, Journal: a.journal, Connection: a.conn,
		Stdin: cmd.InOrStdin(), Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(),
		StdinIsTerminal: term.IsTerminal(int(os.Stdin.Fd())),
		Service: func() (*submit.Service, error) {
			if a.conn.Sandbox {
				fmt.Fprintln(cmd.ErrOrStderr(), "zpadd: using the embedded sandbox, not real Zoom")
			}
			return a.service()
		},
	}
	if code := cli.Run(e, run); code != cli.ExitOK {
		return exitError{code}
	}
	return nil
}

func runTUI(ctx context.Context, g *globals, emails []string) error {
	for {
		err := runTUIOnce(ctx, g, emails)
		var sw *ui.SwitchProfile
		if !errors.As(err, &sw) {
			return err
		}
		// Home switched account profile: reopen on it.
		g.profile, emails = sw.Name, nil
	}
}

func runTUIOnce(ctx context.Context, g *globals, emails []string) error {
	a, err := openApp(g)
	if err != nil {
		return err
	}
	defer a.closeLog()
	svc, err := a.service()
	if err != nil {
		return err
	}
	profiles, _ := cli.ProfileNames(a.home)
	return ui.Run(ctx, ui.Options{
		Home: a.home, Store: a.store, Journal: a.journal, Service: svc,
		Sandbox: a.conn.Sandbox, Account: a.account, StartEmails: emails, Accessible: g.accessible,
		Profile: a.conn.Profile, Profiles: profiles,
		Input: os.Stdin, Output: os.Stdout,
	})
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
