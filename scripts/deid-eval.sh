#!/bin/sh
# Print the de-identification check's precision, recall and F1 per kind and the share of
# clean controls it flags, on every corpus under tests/deid/ (the first corpus, the practice
# corpus, whose held-out half is spent and now tuning data, the probe sets, the fresh set,
# spent and now tuning data too, and the third and fourth held-out sets tests/deid/heldout3/
# and tests/deid/heldout4/, aggregate figures only), each part separately.
#   --mistakes     also list misses and false flags on the parts used for tuning (the
#                  spent practice held-out half, the spent fresh set and the probe sets
#                  included; never on a held-out part, whose texts are never printed)
#   --tuning-only  leave the held-out parts out (for working on the check)
#   --by-voice     add the figures for each voice of a part (aggregates only)
set -eu
cd "$(dirname "$0")/.."
# The example needs only the library: leaving out the default features (the CLI and
# print, which pulls in typst) makes the release build much shorter.
exec cargo run --release --quiet --no-default-features --example deid_eval -- "$@"
