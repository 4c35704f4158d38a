#!/usr/bin/env bash
# Install whatever is missing to build, run and test Attune on Debian/Ubuntu.
# Idempotent: a machine that has everything is left as it is. Uses sudo for apt when
# not root. Everything comes from Debian's packages, crates.io and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    log "Not root and no sudo: install missing packages by hand."; fi
fi

# Build: a C compiler (bundled SQLite, ring), pkg-config, WebKitGTK and friends for
# Tauri. Tests: util-linux (unshare, full-disk test), strace (no-network tests), age
# (packets open with Debian's age), WebKitWebDriver, Xvfb and a D-Bus session for the
# end-to-end suite; desktop-file-utils and appstream (the packages' desktop entry and
# metadata checked with their own validators); poppler-utils (the print tests read the
# PDFs back with pdftotext, pdfinfo and pdffonts); libayatana-appindicator3-1 for the
# tray icon; python3-dbus and python3-gi for the test notification server the reminder
# journey starts on its private D-Bus session (tests/e2e/lib/notification-server.py).
apt_packages=(
  build-essential pkg-config ca-certificates file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  libayatana-appindicator3-1 python3-dbus python3-gi
  util-linux strace age webkit2gtk-driver xvfb xauth dbus dbus-x11
  desktop-file-utils appstream poppler-utils
)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  log "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
fi

version_at_least() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$1" ]; }

need_node="20.19.0"
have_node=$(node --version | sed 's/^v//')
if ! version_at_least "$need_node" "$have_node"; then
  log "Node.js $have_node is older than $need_node, which the front end's tools need."
  log "Install a newer Node.js (Debian 13 ships 20.19) and run this again."
  exit 1
fi

# Rust: the toolchain on PATH (rustup's, usually); Debian's cargo is the fallback.
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
if ! command -v cargo >/dev/null 2>&1; then
  log "No cargo found: installing Debian's Rust toolchain."
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q cargo rustc
fi
need_rust="1.89"
have_rust=$(rustc --version | awk '{print $2}')
if ! version_at_least "$need_rust" "$have_rust"; then
  log "Rust $have_rust is older than $need_rust, which Attune needs. Install a newer toolchain (rustup) and run this again."
  exit 1
fi
if command -v rustup >/dev/null 2>&1; then
  cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
fi

# tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end suite.
if ! command -v tauri-driver >/dev/null 2>&1; then
  log "Installing tauri-driver 2.1.0 from crates.io"
  cargo install tauri-driver --locked --version 2.1.0
fi

# Front-end packages, exactly as locked.
for dir in ui tests/e2e; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-fund --no-audit)
  fi
done

log "Set-up complete (Rust $have_rust, Node $have_node)."
