#!/usr/bin/env bash
# Install whatever is missing to build and test Attune on Debian/Ubuntu. Idempotent:
# a machine that has everything is left as it is. Uses sudo for apt when not root.
set -euo pipefail

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    log "Not root and no sudo: install packages by hand if any are missing."; fi
fi

# Debian packages the build and the tests need: a C compiler for bundled SQLite and
# ring, pkg-config, certificates for crates.io, and util-linux (unshare) for the
# full-disk test, strace for the no-network test.
apt_packages=(build-essential pkg-config ca-certificates util-linux strace)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
fi

# Rust: use the toolchain on PATH (rustup's, usually). Debian's cargo is the fallback.
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
if ! command -v cargo >/dev/null 2>&1; then
  log "No cargo found: installing Debian's Rust toolchain."
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q cargo rustc
fi
need="1.89"
have=$(rustc --version | awk '{print $2}')
if [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -1)" != "$need" ]; then
  log "Rust $have is older than $need, which Attune needs. Install a newer toolchain (rustup) and run again."
  exit 1
fi
for comp in rustfmt clippy; do
  if ! cargo "${comp/rustfmt/fmt}" --version >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1; then
    rustup component add "$comp"
  fi
done
log "Set-up complete (Rust $have)."
