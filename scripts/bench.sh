#!/usr/bin/env bash
# Measure Attune at several journal sizes on this machine: build the release binaries,
# print the machine, then run examples/scale.rs (timings, disk, memory, CLI end to end:
# `attune list --limit 20`, `attune search`, `attune add` and the peak memory of one
# search, each beside issue 17's budget).
#
#   bash scripts/bench.sh                 # 1,000, 10,000 and 100,000 entries
#   bash scripts/bench.sh 1000 10000      # chosen sizes (100000 takes a few minutes more)
#
# Journals are written under $ATTUNE_SCALE_DIR (default: the system temporary folder)
# and deleted afterwards; saves are fsynced, so put them on the disk you mean to measure.
# Other busy processes skew every figure: the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

echo "== Build (release)"
cargo build --release --locked --examples --bins

echo
echo "== Machine"
echo "date:        $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:      $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
echo "cpu:         $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) logical cores available)"
echo "memory:      $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "kernel:      $(uname -sr)"
scratch_dir="${ATTUNE_SCALE_DIR:-${TMPDIR:-/tmp}}"
echo "journal dir: $scratch_dir on $(df -PT "$scratch_dir" | awk 'NR == 2 {print $2 " (" $1 ")"}')"
echo "rustc:       $(rustc --version)"
echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before"
binary=target/release/attune
echo "binary:      $binary, $(stat -c %s "$binary") bytes ($(awk -v b="$(stat -c %s "$binary")" 'BEGIN {printf "%.2f MB", b / 1e6}'))"

echo
echo "== Scale (cargo run --release --example scale -- ${*:-1000 10000 100000})"
started=$(date +%s)
target/release/examples/scale "$@"
echo
echo "scale run took $(( $(date +%s) - started )) s; load avg after: $(cut -d' ' -f1-3 /proc/loadavg)"

cat <<'EOF'

== Criterion benchmarks (10,000 entries, plus the calibrated key derivation)
Run them with:
    cargo bench --bench journal
(about 3 minutes; reports land in target/criterion/). One benchmark:
    cargo bench --bench journal -- search_1pct_word
EOF
