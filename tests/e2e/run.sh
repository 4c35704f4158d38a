#!/usr/bin/env bash
# End-to-end suite: build the front end, build the real app (custom-protocol + e2e
# hooks) and a release app (no hooks), then drive the app through tauri-driver and
# WebKitWebDriver under Xvfb and a private D-Bus session.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

echo "== e2e: building the front end"
(cd ui && npm run build)

echo "== e2e: building the app under test (custom-protocol, e2e hooks)"
cargo build --locked -p attune-desktop --features custom-protocol,e2e
mkdir -p target/e2e
cp target/debug/attune-desktop target/e2e/attune-desktop

echo "== e2e: building the release app (must not contain the hooks)"
cargo build --locked --release -p attune-desktop --features custom-protocol

export ATTUNE_E2E_APP="$PWD/target/e2e/attune-desktop"
export ATTUNE_RELEASE_APP="$PWD/target/release/attune-desktop"
rm -rf tests/e2e/screenshots
cd tests/e2e
xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- npm test
