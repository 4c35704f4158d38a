#!/usr/bin/env bash
# Set up what is missing, then run every test: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

echo "== Rust tests: core, CLI, integration (crash test below, with its figures shown)"
cargo test --workspace --locked --features attune/typescript -- --skip killed_writers_never_lose_acknowledged_entries

echo "== Crash durability: SIGKILL at random moments, counts printed"
cargo test --locked --test crash -- --nocapture killed_writers_never_lose_acknowledged_entries

echo "== Benchmarks and examples still build"
cargo build --locked --benches --examples
