#!/usr/bin/env bash
# Set up whatever is missing, build the front end and the desktop app, and start it.
# Arguments go to the app (for example: --journal DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
(cd ui && npm run build)
cargo build --release --locked -p attune-desktop --features custom-protocol
exec target/release/attune-desktop "$@"
