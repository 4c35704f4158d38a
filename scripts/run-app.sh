#!/usr/bin/env bash
# Set up what is missing, build, and start Attune. Until the desktop app lands this
# opens the command-line journal's help.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
if [ "$#" -eq 0 ]; then set -- --help; fi
cargo run --release --locked --bin attune -- "$@"
