#!/usr/bin/env bash
# Check the built Linux packages the way an installer would see them: unpack the .deb
# into a throwaway root (dpkg -x) and look for the binary, the desktop entry with the
# packet file type, the icon at every size, the MIME type and the AppStream metadata;
# validate the desktop entry and the metadata with their own tools.
# Run after scripts/package.sh (or the bundling step of scripts/test-all.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

passed=0
failed=0
check() {
  local what=$1
  shift
  if "$@" >/tmp/attune-package-check.log 2>&1; then
    passed=$((passed + 1))
    echo "ok   $what"
  else
    failed=$((failed + 1))
    echo "FAIL $what"
    sed 's/^/     /' /tmp/attune-package-check.log
  fi
}

shopt -s nullglob
debs=(target/release/bundle/deb/*.deb)
rpms=(target/release/bundle/rpm/*.rpm)
[ "${#debs[@]}" -eq 1 ] || { echo "expected one .deb, found ${#debs[@]}"; exit 1; }
deb=${debs[0]}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"

desktop="$root/usr/share/applications/Attune.desktop"
check "the binary is installed (an ELF executable)" \
  bash -c "file -L '$root/usr/bin/attune-desktop' | grep -q 'ELF'"
check "a desktop entry that starts Attune with the file opened" grep -qx 'Exec=attune-desktop %f' "$desktop"
check "the desktop entry opens packets" grep -q '^MimeType=.*application/x-attune-packet' "$desktop"
check "the desktop entry is valid" desktop-file-validate "$desktop"
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  check "an icon at $size" test -s "$root/usr/share/icons/hicolor/$size/apps/attune-desktop.png"
done
check "the packet file type" grep -q 'glob pattern="\*.attune-packet"' "$root/usr/share/mime/packages/attune-packet.xml"
check "the AppStream metadata is valid" \
  appstreamcli validate --no-net "$root/usr/share/metainfo/org.attune.journal.metainfo.xml"
check "the package depends on WebKitGTK" bash -c "dpkg-deb -f '$deb' Depends | grep -q libwebkit2gtk-4.1"
check "the package depends on the tray icon library" bash -c "dpkg-deb -f '$deb' Depends | grep -q libayatana-appindicator3-1"
check "an .rpm was built too" test "${#rpms[@]}" -eq 1 -a -s "${rpms[0]:-/nonexistent}"

echo "packages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
