#!/usr/bin/env bash
# Regenerates ui/screenshots/*.png for the README from the real program:
# zpadd --sandbox in a private tmux server at 100×30, each screen captured
# with its colours (capture-pane -e) and drawn by charmbracelet/freeze.
# Needs go and tmux.   Run: bench/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=ui/screenshots
work=$(mktemp -d)
tm() { tmux -L zpadd-shots -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out"
go build -o "$work/zpadd" .
export ZPADD_HOME="$work/home"
zp() { "$work/zpadd" --sandbox "$@"; }

# draft NAME ROW...: import the rows as NAME.csv; prints the new draft's id
draft() { local f="$work/$1.csv"; shift; printf '%s\n' "$@" >"$f"; zp import "$f" | cut -f1; }
head=email,first_name,last_name,extension_number,site_name,template_name,calling_plans,phone_numbers,outbound_caller_id,desk_phone_mac,desk_phone_brand,desk_phone_model,desk_phone_provision_template
plan="US/CA Unlimited"
sent=$(draft front-desk "$head" \
	"mei.chen@example.com,Mei,Chen,2201,Main Site,Main Site Standard User,$plan,+16468201600,+16468201600,805ec05b0001,Yealink,t46s,HQ Yealink" \
	"priya.patel@example.com,Priya,Patel,2202,Main Site,Main Site Standard User,$plan,+16468201601,+16468201601,805ec05b0002,Yealink,t46s,HQ Yealink")
zp submit "$sent" --yes >/dev/null 2>&1
draft cart-7 email,first_name,last_name,site_name,template_name \
	"jose.nunez@example.com,José,Núñez,Main Site,Main Site Standard User" \
	"zoe.clarke@example.com,Zoe,Clarke,Main Site,Main Site Standard User" \
	"lukasz.kowalski@example.com,Łukasz,Kowalski,Main Site,Main Site Standard User" \
	"taro.yamada@example.com,Taro,Yamada,Main Site,Main Site Standard User" >/dev/null
draft sales-new-starters "$head" \
	"grace.wilson@example.com,Grace,Wilson,2101,Main Site,Main Site Standard User,$plan,+16468201500,+16468201500,805ec05a0001,Yealink,t46s,HQ Yealink" \
	"henry.moore@example.com,Henry,Moore,2102,Main Site,Main Site Executive,$plan,+16468201501,+16468201501,805ec05a0002,Yealink,t46s,HQ Yealink" \
	"isabel.taylor@example.com,Isabel,Taylor,2103,Main Site,Main Site Standard User,$plan,+16468201502,,805ec05a0003,Yealink,t46s,HQ Yealink" \
	"jack.anderson@example.com,Jack,Anderson,2104,Main Site,Main Site Standard User,$plan,,,805ec05a0004,Yealink,t46s,HQ Yealink" >/dev/null

# wait_for TEXT: until the pane shows TEXT (10 s at most)
wait_for() {
	for _ in $(seq 100); do tm capture-pane -p -t shot | grep -qF -- "$1" && return; sleep 0.1; done
	echo "screenshots: the screen never showed \"$1\":" >&2; tm capture-pane -p -t shot >&2; exit 1
}
keys() { tm send-keys -t shot "$@"; sleep 0.4; }
shot() {
	sleep 0.3
	tm capture-pane -e -p -t shot >"$work/$1.ansi"
	go run github.com/charmbracelet/freeze@v0.2.2 "$work/$1.ansi" -o "$out/$1.png" --language ansi >/dev/null
	echo "$out/$1.png"
}

tm new-session -d -s shot -x 100 -y 30 "env ZPADD_HOME='$ZPADD_HOME' TERM=xterm-256color COLORTERM=truecolor '$work/zpadd' --sandbox"
wait_for "catalog just now"
shot home
keys Enter; wait_for "scan phones"             # the newest draft: four users
shot batch
keys Enter; wait_for "Extension"                # Grace's form
shot user
keys Escape; keys r; wait_for "submit"
shot review
keys s; sleep 1; keys y; wait_for "created"
sleep 2; shot results
keys Escape; keys Escape; wait_for "Recent submissions"
keys Down Enter; wait_for "scan phones"        # the cart: users without phones
keys s; wait_for "waiting for a scan"
tm send-keys -t shot -l "MAC:805EC05C0001"; keys Enter
tm send-keys -t shot -l "80-5e-c0-5c-00-02"; keys Enter
tm send-keys -t shot -l "805ec05c00"; keys Enter  # a short scan, refused
shot scan
keys C-c
