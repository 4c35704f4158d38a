#!/usr/bin/env bash
# Fuzz the packet parser (frame, signature check, strict document parse) for a set time
# with cargo-fuzz and libFuzzer, on the nightly toolchain.
#
#   bash scripts/fuzz.sh          # 60 seconds
#   bash scripts/fuzz.sh 600      # ten minutes
#
# The corpus grows in fuzz/corpus/packet_frame/ and any crash lands in
# fuzz/artifacts/packet_frame/ (both ignored by git). Exits non-zero on a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

seconds="${1:-60}"
case "$seconds" in
  ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "The nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] Installing cargo-fuzz from crates.io" >&2
  cargo install cargo-fuzz --locked
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "[fuzz] packet_frame for ${seconds}s"
# libFuzzer's progress lines, thinned to its milestones; the whole log is kept for the
# summary.
set +e
(cd fuzz && cargo +nightly fuzz run packet_frame -- -max_total_time="$seconds" 2>&1) \
  | tee "$log" \
  | grep --line-buffered -E '^(#[0-9]+[[:space:]]+(INITED|DONE|pulse)|==[0-9]+== ERROR|SUMMARY|Done [0-9]+ runs|error)'
status="${PIPESTATUS[0]}"
set -e

echo
echo "== Summary"
last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
runs="$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)"
echo "target:   packet_frame"
echo "time:     ${seconds}s"
[ -n "$runs" ] && echo "runs:     ${runs#Done }"
[ -n "$last" ] && echo "last:     $last"
corpus="fuzz/corpus/packet_frame"
[ -d "$corpus" ] && echo "corpus:   $(find "$corpus" -type f | wc -l) inputs in $corpus"
if [ "$status" -ne 0 ] || grep -q 'ERROR: libFuzzer' "$log"; then
  echo "result:   CRASH (see fuzz/artifacts/packet_frame/ and the log above)"
  exit 1
fi
echo "result:   no crash"
