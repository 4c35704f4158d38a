#!/usr/bin/env bash
# Build the release app and its Linux packages (.deb and .rpm) through the Tauri
# bundler: desktop entry, icons at every size, the packet file type and the AppStream
# metadata. Nothing is downloaded at build time. The packages land in
# target/release/bundle/{deb,rpm}/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
bash scripts/setup.sh
(cd ui && npm run build)
# The same release build as scripts/run-app.sh and the end-to-end suite (so each reuses
# the others'), then the Tauri CLI from ui/'s dependencies bundles that binary.
cargo build --release --locked -p attune-desktop --features custom-protocol
(cd src-tauri && ../ui/node_modules/.bin/tauri bundle --ci --bundles deb,rpm --features custom-protocol)
ls -1 target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm
