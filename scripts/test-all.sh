#!/usr/bin/env bash
# Set up what is missing, then run every test: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

echo "== Rust tests (core, CLI, integration)"
cargo test --workspace --all-targets --locked
