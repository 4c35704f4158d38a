#!/bin/sh
# Print the de-identification check's precision, recall and F1 per kind and the share of
# clean controls it flags, on every corpus under tests/deid/ (the first corpus, the practice
# corpus, whose held-out half is spent and now tuning data, the probe set, and the fresh
# held-out set tests/deid/fresh/heldout.jsonl when present), each part separately.
#   --mistakes     also list misses and false flags on the parts used for tuning (the
#                  spent practice held-out half and the probe set included; never on a
#                  held-out part, whose texts are never printed)
#   --tuning-only  leave the held-out parts out (for working on the check)
set -eu
cd "$(dirname "$0")/.."
exec cargo run --release --quiet --example deid_eval -- "$@"
