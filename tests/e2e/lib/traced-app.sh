#!/usr/bin/env bash
# tauri-driver starts this instead of the app: the real app under strace, so every
# internet socket of it and its WebKit processes is logged. WebKitWebDriver's own
# automation channel (WEBKIT_INSPECTOR_SERVER, loopback) is recorded so the check can
# tell the test's channel from anything the app does by itself.
set -euo pipefail
printf '%s\n' "${WEBKIT_INSPECTOR_SERVER:-}" > "${ATTUNE_E2E_TRACE_DIR:?}/inspector.$$"
exec strace -ff -qq -e trace=socket,connect,bind,sendto,sendmsg -o "${ATTUNE_E2E_TRACE_DIR}/app.$$.trace" \
  "${ATTUNE_E2E_REAL_APP:?}" "$@"
