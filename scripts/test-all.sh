#!/usr/bin/env bash
# Set up whatever is missing, then run every test: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

echo "== Front end: type check, component tests, production build"
(cd ui && npm run check && npm test && npm run build)

echo "== Rust tests: core, CLI, desktop shell, IPC types (crash test below, with its figures)"
cargo test --workspace --locked --features attune/typescript,attune/test-kdf -- --skip killed_writers_never_lose_acknowledged_entries

echo "== The fast test key derivation is ignored by a build without the test-kdf feature"
cargo test --locked -p attune --lib -- the_fast_test_kdf_needs_the_test_kdf_build

echo "== Crash durability: SIGKILL at random moments, counts printed"
cargo test --locked --features test-kdf --test crash -- --nocapture killed_writers_never_lose_acknowledged_entries

echo "== Benchmarks and examples still build"
cargo build --locked --benches --examples

echo "== End to end: the real app through tauri-driver under Xvfb"
bash tests/e2e/run.sh

# After the end-to-end suite, which built the release app: bundling it again here costs
# seconds (scripts/package.sh does the same from scratch).
echo "== Linux packages: the release app bundled as .deb and .rpm, the .deb unpacked and checked"
(cd src-tauri && ../ui/node_modules/.bin/tauri bundle --ci --bundles deb,rpm --features custom-protocol)
bash tests/packaging/check-linux-packages.sh
