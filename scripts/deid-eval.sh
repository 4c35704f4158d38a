#!/bin/sh
# Print the de-identification check's precision, recall and F1 on the synthetic corpus
# (tuning and held-out parts separately). The figures in docs/deid.md come from this.
set -eu
cd "$(dirname "$0")/.."
exec cargo run --release --quiet --example deid_eval -- "$@"
