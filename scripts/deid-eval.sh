#!/bin/sh
# Print the de-identification check's precision, recall and F1 per kind and the share of
# clean controls it flags, on both corpora (tests/deid/corpus and tests/deid/practice),
# tuning and held-out parts separately. The figures in docs/deid.md come from this.
#   --mistakes     also list misses and false flags on the tuning parts (never held-out)
#   --tuning-only  leave the held-out parts out (for working on the check)
set -eu
cd "$(dirname "$0")/.."
exec cargo run --release --quiet --example deid_eval -- "$@"
