#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring: the real
# Secret Service, headless, with its keyrings in a throwaway folder so a developer's own keyring
# (and its password) is never touched. Usage: scripts/with-keyring.sh npm run test:all
set -euo pipefail
if [ -n "${TESSERA_IN_KEYRING:-}" ]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (apt install dbus-x11 gnome-keyring)" >&2; exit 1; }
done
export TESSERA_IN_KEYRING=1
TESSERA_KEYRING_DIR="$(mktemp -d)"
export TESSERA_KEYRING_DIR
trap 'rm -rf "$TESSERA_KEYRING_DIR"' EXIT
dbus-run-session -- bash -c '
  eval "$(printf tessera | XDG_DATA_HOME="$TESSERA_KEYRING_DIR" gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export GNOME_KEYRING_CONTROL
  exec "$@"' bash "$@" 2> >(grep -vE "^dbus-daemon\[" >&2)
