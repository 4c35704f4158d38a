#!/usr/bin/env bash
# Fuzz Attune's parsers of outside input for a set time each, with cargo-fuzz and
# libFuzzer on the nightly toolchain:
#
#   packet_frame  a decrypted packet: frame, signature check, strict document parse
#   contact_card  a pasted contact card and the name rule (with a round-trip check)
#   backup_image  a backup file opened for restore or verify
#   entry_json    an entry or a change as JSON (`add --json`, `edit --json`), saved
#   import_dayone   a Day One export: a ZIP (members, sizes, paths) or a journal's JSON
#   import_markdown a Markdown note: front matter, headings, Attune's answer sections
#
#   bash scripts/fuzz.sh                       # every target, 60 seconds each
#   bash scripts/fuzz.sh 600                   # ten minutes each
#   bash scripts/fuzz.sh 60 contact_card       # only the named targets
#
# Each corpus grows in fuzz/corpus/<target>/ (seeded with a valid input on its first
# run) and any crash lands in fuzz/artifacts/<target>/ (both ignored by git). Every
# target runs even after one crashes; the script exits non-zero if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

all_targets=(packet_frame contact_card backup_image entry_json import_dayone import_markdown)
usage="usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: ${all_targets[*]})"

seconds="${1:-60}"
case "$seconds" in
  ''|*[!0-9]*) echo "$usage" >&2; exit 2 ;;
esac
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  case " ${all_targets[*]} " in
    *" $t "*) ;;
    *) echo "No fuzz target named \"$t\". $usage" >&2; exit 2 ;;
  esac
done

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "The nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] Installing cargo-fuzz from crates.io" >&2
  cargo install cargo-fuzz --locked
fi

log="$(mktemp)"
# The targets keep a throwaway journal or file in the temporary folder; this one goes
# when the script ends.
scratch="$(mktemp -d)"
trap 'rm -rf "$log" "$scratch"' EXIT
summary=""
crashed=()

for target in "${targets[@]}"; do
  echo "[fuzz] $target for ${seconds}s"
  # libFuzzer's progress lines, thinned to its milestones; the whole log is kept for
  # the summary.
  set +e
  (cd fuzz && TMPDIR="$scratch" cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" 2>&1) \
    | tee "$log" \
    | grep --line-buffered -E '^(#[0-9]+[[:space:]]+(INITED|DONE|pulse)|==[0-9]+== ERROR|SUMMARY|Done [0-9]+ runs|error)'
  status="${PIPESTATUS[0]}"
  set -e

  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  runs="$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)"
  corpus="fuzz/corpus/$target"
  block="target:   $target"$'\n'"time:     ${seconds}s"
  [ -n "$runs" ] && block+=$'\n'"runs:     ${runs#Done }"
  [ -n "$last" ] && block+=$'\n'"last:     $last"
  [ -d "$corpus" ] && block+=$'\n'"corpus:   $(find "$corpus" -type f | wc -l) inputs in $corpus"
  if [ "$status" -ne 0 ] || grep -q 'ERROR: libFuzzer' "$log"; then
    # The panic message and the saved input, which the thinned progress lines leave out.
    echo
    awk '/panicked at/ { show = 1 } /^stack backtrace/ { show = 0 }
         show || /Test unit written|^Base64:|Reproduce with|cargo (\+nightly )?fuzz run/' "$log" | head -40
    block+=$'\n'"result:   CRASH (see fuzz/artifacts/$target/ and the log above)"
    crashed+=("$target")
  else
    block+=$'\n'"result:   no crash"
  fi
  echo
  echo "$block"
  echo
  summary+="$block"$'\n\n'
done

echo "== Summary"
printf '%s' "$summary"
if [ ${#crashed[@]} -gt 0 ]; then
  echo "CRASHED: ${crashed[*]}"
  exit 1
fi
