#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring: the real Secret
# Service, headless. Usage: scripts/with-keyring.sh npm test
set -euo pipefail
if [ -n "${TESSERA_IN_KEYRING:-}" ]; then exec "$@"; fi
export TESSERA_IN_KEYRING=1
exec dbus-run-session -- bash -c '
  eval "$(printf tessera | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  exec "$@"' bash "$@"
