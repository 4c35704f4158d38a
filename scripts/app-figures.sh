#!/usr/bin/env bash
# Figures for the desktop app as people run it: the release build, a seeded journal,
# under Xvfb and a private D-Bus session. Prints; asserts nothing (speed goals are
# budgets to compare against, not tests). Run `bash scripts/setup.sh` once first.
#
#   bash scripts/app-figures.sh            # 10,000 entries
#   bash scripts/app-figures.sh 1000       # another size
#
# Measures: start to unlock screen, unlock to first list page, memory of every app
# process (the app and WebKit's helpers) with the journal unlocked, search inside the
# running app, and the sizes of the release binary and the .deb package.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
entries="${1:-10000}"

echo "== Build: front end, release app, seeding tool"
(cd ui && npm run build >/dev/null)
cargo build --locked --release -p attune-desktop --features custom-protocol
cargo build --locked --release --example seed_journal

echo
echo "== Machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) logical cores)"
echo "memory:   $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "webkit:   $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo unknown)"
echo "load avg: $(cut -d' ' -f1-3 /proc/loadavg) before"

home="$(mktemp -d "${TMPDIR:-/tmp}/attune-figures-XXXXXX")"
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/data" "$home/cache" "$home/config" "$home/traces"
echo
echo "== Seed"
target/release/examples/seed_journal "$home/data/attune" "$entries"

echo
export ATTUNE_FIGURES_APP="$PWD/target/release/attune-desktop"
export ATTUNE_FIGURES_PASSPHRASE="benchmark passphrase, not a secret"
(cd tests/e2e && xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- node figures.js "$home" "$entries")

echo
echo "== Sizes"
size=$(stat -c %s target/release/attune-desktop)
echo "release binary: $size bytes ($(awk -v b="$size" 'BEGIN {printf "%.2f MB", b / 1e6}'))"
# The .deb is built by the Tauri CLI from the same release build.
ui/node_modules/.bin/tauri build --bundles deb --ci >/dev/null
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
size=$(stat -c %s "$deb")
echo ".deb package:   $size bytes ($(awk -v b="$size" 'BEGIN {printf "%.2f MB", b / 1e6}')), $(basename "$deb")"
echo "load avg: $(cut -d' ' -f1-3 /proc/loadavg) after"
