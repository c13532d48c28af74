# shellcheck shell=bash
# Shared helpers for Lodestar's scripts. Source it, do not run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Everything here is idempotent and non-interactive: it installs only what is
# missing, so a second run on the same machine is fast.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
UI_DIR="$REPO_ROOT/ui"
TAURI_DIR="$REPO_ROOT/src-tauri"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
APP_BIN="$TARGET_DIR/release/lodestar-app"
DEB_DIR="$TARGET_DIR/release/bundle/deb"
TAURI_CLI="$UI_DIR/node_modules/.bin/tauri"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

# cargo-installed tools (tauri-driver) live here.
case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) export PATH="$HOME/.cargo/bin:$PATH" ;;
esac

# System packages: what Tauri 2 needs to build and run on Debian 12 (WebKitGTK 4.1, Xvfb,
# WebKitWebDriver), plus what the scripts themselves use.
LODESTAR_APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb webkit2gtk-driver xauth
  imagemagick xdotool xclip poppler-utils dpkg-dev postgresql libdbus-1-dev openssl
)

# Start time (epoch seconds) of the outermost script, shared with the scripts it
# calls so their banners show the elapsed time of the whole run.
_LODESTAR_T0="${_LODESTAR_T0:-$(date +%s)}"
export _LODESTAR_T0

# ---------------------------------------------------------------- output ----

elapsed() { # mm:ss since the outermost script started
  local s=$(($(date +%s) - _LODESTAR_T0))
  printf '%02d:%02d' $((s / 60)) $((s % 60))
}

step() { # step banner
  printf '\n\033[1m==> [%s] %s\033[0m\n' "$(elapsed)" "$*" >&2
}

info() { printf '    %s\n' "$*" >&2; }

die() {
  printf '\033[31mERROR:\033[0m %s\n' "$*" >&2
  exit 1
}

fmt_duration() { # seconds -> "1m05s"
  printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
}

# --------------------------------------------------------------- cleanup ----
# Every background process a script starts is registered here and killed (by
# its PID, never by name) when the script exits.

_LODESTAR_PIDS=()
_LODESTAR_STOP_CMDS=()
_LODESTAR_TMPDIRS=()

register_pid() { _LODESTAR_PIDS+=("$1"); }
register_tmpdir() { _LODESTAR_TMPDIRS+=("$1"); }

_lodestar_cleanup() {
  local rc=$?
  local i pid
  for ((i = ${#_LODESTAR_STOP_CMDS[@]} - 1; i >= 0; i--)); do
    eval "${_LODESTAR_STOP_CMDS[$i]}" >/dev/null 2>&1 || true
  done
  for ((i = ${#_LODESTAR_PIDS[@]} - 1; i >= 0; i--)); do
    pid="${_LODESTAR_PIDS[$i]}"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
      done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for d in "${_LODESTAR_TMPDIRS[@]}"; do
    [[ -n "$d" && -d "$d" ]] && rm -rf -- "$d"
  done
  return "$rc"
}
trap _lodestar_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

make_tmpdir() { # make_tmpdir VAR  -> sets VAR to a fresh dir removed on exit
  local d
  d="$(mktemp -d "${TMPDIR:-/tmp}/lodestar.XXXXXX")"
  register_tmpdir "$d"
  printf -v "$1" '%s' "$d"
}

# ----------------------------------------------------------- PostgreSQL -----

# start_postgres: a throwaway PostgreSQL cluster for this run (Debian's server, run as
# the `postgres` user because it refuses root) on a free port of 127.0.0.1, with a
# superuser `admin`, serving TLS with a self-signed certificate (LODESTAR_TEST_PG_CERT).
# Exports LODESTAR_TEST_PG (a URL to its `postgres` database),
# LODESTAR_TEST_PG_PASSWORD and LODESTAR_TEST_PG_DATA; stopped and removed on exit.
start_postgres() {
  local bin port d pw
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [[ -x "$bin/initdb" ]] || die "PostgreSQL server is not installed (package postgresql)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  d="$(mktemp -d "${TMPDIR:-/tmp}/lodestar-pg.XXXXXX")"
  register_tmpdir "$d"
  chmod 755 "$d"
  pw="test-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
  printf '%s\n' "$pw" >"$d/pw"
  local as=()
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "the postgres system user is missing (package postgresql)"
    chown -R postgres "$d"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$d/data" -A scram-sha-256 --pwfile="$d/pw" -U admin >"$d/initdb.log" 2>&1 ||
    { cat "$d/initdb.log" >&2; die "initdb failed"; }
  # TLS with a self-signed certificate, so clients' sslmode is tested for real.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -keyout "$d/server.key" -out "$d/server.crt" >/dev/null 2>&1 || die "openssl could not make a test certificate"
  chmod 600 "$d/server.key"
  [[ $EUID -eq 0 ]] && chown postgres "$d/server.key" "$d/server.crt"
  "${as[@]}" "$bin/pg_ctl" -D "$d/data" -o "-p $port -k $d -c listen_addresses=127.0.0.1 -c max_connections=200 -c ssl=on -c ssl_cert_file=$d/server.crt -c ssl_key_file=$d/server.key" \
    -l "$d/log" -w start >/dev/null || { cat "$d/log" >&2; die "PostgreSQL did not start"; }
  _LODESTAR_STOP_CMDS+=("${as[*]} $bin/pg_ctl -D $d/data -m fast -w stop")
  export LODESTAR_TEST_PG="postgresql://admin@127.0.0.1:$port/postgres"
  export LODESTAR_TEST_PG_PASSWORD="$pw"
  export LODESTAR_TEST_PG_DATA="$d/data"
  export LODESTAR_TEST_PG_CERT="$d/server.crt"
  export LODESTAR_TEST_PG_CTL="${as[*]} $bin/pg_ctl"
  info "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port ($d)"
}

# ----------------------------------------------------------------- Xvfb -----

# start_xvfb [WxHxD]: starts Xvfb on the first free display of :99..:120,
# exports DISPLAY, registers it for cleanup.
start_xvfb() {
  local screen="${1:-${XVFB_SCREEN:-1440x900x24}}"
  command -v Xvfb >/dev/null || die "Xvfb is not installed (package xvfb)"
  local n pid
  for n in $(seq 99 120); do
    if [[ -e "/tmp/.X${n}-lock" || -e "/tmp/.X11-unix/X${n}" ]]; then
      continue
    fi
    Xvfb ":$n" -screen 0 "$screen" -nolisten tcp -noreset >"${TMPDIR:-/tmp}/lodestar-xvfb-$n.log" 2>&1 &
    pid=$!
    register_pid "$pid"
    for _ in $(seq 1 50); do
      if [[ -S "/tmp/.X11-unix/X${n}" ]] && kill -0 "$pid" 2>/dev/null; then
        export DISPLAY=":$n"
        XVFB_PID="$pid"
        info "Xvfb started on DISPLAY=$DISPLAY ($screen, pid $pid)"
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break # lost a race for this display
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
  done
  die "could not start Xvfb on any display :99..:120"
}

# -------------------------------------------------------- dependencies ------

_sudo() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

ensure_apt_packages() {
  local missing=() p status
  for p in "${LODESTAR_APT_PACKAGES[@]}" "$@"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    info "system packages: all ${#LODESTAR_APT_PACKAGES[@]} present"
    return 0
  fi
  info "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  _sudo apt-get update -qq
  _sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

ensure_toolchains() {
  command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
  command -v node >/dev/null || die "node not found: Node.js >= 20 is required"
  command -v npm >/dev/null || die "npm not found: Node.js >= 20 with npm is required"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 20)) || die "Node.js >= 20 is required (found $(node -v))"
}

ensure_ui_deps() {
  local lock="$UI_DIR/package-lock.json"
  local stamp="$UI_DIR/node_modules/.package-lock.json"
  if [[ -d "$UI_DIR/node_modules" && -f "$stamp" && ! "$lock" -nt "$stamp" ]]; then
    info "ui/node_modules is up to date"
    return 0
  fi
  if [[ -f "$lock" ]]; then
    info "npm ci in ui/"
    (cd "$UI_DIR" && npm ci --no-audit --no-fund)
  else
    info "ui/package-lock.json is missing: falling back to npm install"
    (cd "$UI_DIR" && npm install --no-audit --no-fund)
  fi
}

ensure_tauri_driver() {
  if command -v tauri-driver >/dev/null; then
    info "tauri-driver: $(command -v tauri-driver)"
    return 0
  fi
  info "cargo install tauri-driver --locked"
  cargo install tauri-driver --locked
}

# cargo-fuzz (scripts/fuzz): installed from crates.io when missing. libFuzzer is
# compiled from C++ by libfuzzer-sys, which build-essential's g++ covers.
ensure_cargo_fuzz() {
  if command -v cargo-fuzz >/dev/null 2>&1; then
    return 0
  fi
  info "installing cargo-fuzz"
  cargo install --locked cargo-fuzz
}

ensure_all_deps() {
  ensure_toolchains
  ensure_apt_packages
  ensure_ui_deps
}

# -------------------------------------------------------------- builds ------

build_ui() {
  ensure_ui_deps
  info "npm run build (ui/dist)"
  (cd "$UI_DIR" && npm run build)
}

# One release build serves run, package and E2E: ui/dist, then the Tauri
# release binary and its .deb.
build_app_release() {
  build_ui
  [[ -x "$TAURI_CLI" ]] || die "Tauri CLI not found at ui/node_modules/.bin/tauri (@tauri-apps/cli@2 must be a devDependency of ui/)"
  info "tauri build --bundles deb"
  (cd "$TAURI_DIR" && "$TAURI_CLI" build --bundles deb)
  [[ -x "$APP_BIN" ]] || die "tauri build finished but $APP_BIN is missing"
}

# True when the release binary exists and nothing it is built from is newer.
app_release_is_fresh() {
  [[ -x "$APP_BIN" ]] || return 1
  local newer
  # Everything the app is built from: the core (its fonts and migrations included), the
  # shell, and the UI with the configuration Vite, Svelte and TypeScript read.
  newer="$(find "$REPO_ROOT/src" "$REPO_ROOT/assets" "$TAURI_DIR/src" "$TAURI_DIR/capabilities" "$TAURI_DIR/icons" \
    "$TAURI_DIR/tauri.conf.json" "$TAURI_DIR/Cargo.toml" "$TAURI_DIR/build.rs" "$REPO_ROOT/Cargo.toml" "$REPO_ROOT/Cargo.lock" \
    "$UI_DIR/src" "$UI_DIR/public" "$UI_DIR/index.html" "$UI_DIR/package.json" "$UI_DIR/package-lock.json" \
    "$UI_DIR/vite.config.ts" "$UI_DIR/svelte.config.js" "$UI_DIR/tsconfig.json" \
    -newer "$APP_BIN" -print -quit 2>/dev/null || true)"
  [[ -z "$newer" ]]
}

# Builds the release app only when it is missing or older than its sources.
ensure_app_release() {
  if app_release_is_fresh; then
    info "release app is up to date: $APP_BIN"
  else
    build_app_release
  fi
}

# The empty Tauri 2 app (scripts/bench/empty-app), the floor the benchmarks measure
# Lodestar against: built in release only when missing or older than its sources;
# sets and exports EMPTY_APP_BIN.
EMPTY_APP_DIR="$REPO_ROOT/scripts/bench/empty-app"
EMPTY_APP_BIN="$TARGET_DIR/release/lodestar-empty-app"
export EMPTY_APP_BIN
ensure_empty_app_release() {
  local newer=""
  if [[ -x "$EMPTY_APP_BIN" ]]; then
    newer="$(find "$EMPTY_APP_DIR/src" "$EMPTY_APP_DIR/ui" "$EMPTY_APP_DIR/Cargo.toml" "$EMPTY_APP_DIR/build.rs" \
      "$EMPTY_APP_DIR/tauri.conf.json" "$REPO_ROOT/Cargo.toml" "$REPO_ROOT/Cargo.lock" \
      -newer "$EMPTY_APP_BIN" -print -quit 2>/dev/null || true)"
    if [[ -z "$newer" ]]; then
      info "empty app is up to date: $EMPTY_APP_BIN"
      return 0
    fi
  fi
  # Selecting lodestar-app too makes cargo resolve dependency features as for the app,
  # so the app's compiled tauri is reused; --bin builds only the empty app.
  info "cargo build --release -p lodestar-app -p lodestar-empty-app --bin lodestar-empty-app"
  (cd "$REPO_ROOT" && cargo build --release -p lodestar-app -p lodestar-empty-app --bin lodestar-empty-app)
  [[ -x "$EMPTY_APP_BIN" ]] || die "cargo build finished but $EMPTY_APP_BIN is missing"
  touch "$EMPTY_APP_BIN" # cargo keeps the old file when nothing changed; it is fresh now
}

# The CLI, release profile (fast when already built).
build_cli_release() {
  info "cargo build --release -p lodestar --bin lodestar"
  (cd "$REPO_ROOT" && cargo build --release -p lodestar --bin lodestar)
  LODESTAR_CLI="$TARGET_DIR/release/lodestar"
  export LODESTAR_CLI
}

find_deb() { # newest .deb of the bundle dir
  local deb
  deb="$(ls -t "$DEB_DIR"/*.deb 2>/dev/null | head -n 1 || true)"
  [[ -n "$deb" ]] || die "no .deb in $DEB_DIR: run scripts/package"
  printf '%s\n' "$deb"
}
