#!/usr/bin/env bash
# Installs a built smtp-codes binary with its resources:
#   PREFIX/bin/smtp-codes and PREFIX/share/smtp-codes/{catalog,catalog.snapshot,locales,...}
# The binary finds PREFIX/share/smtp-codes from its own location, so it runs from any directory.
# With --strip the installed copy loses its symbol table and debug sections (`make install`
# does this; the sizes are in docs/performance.md); the binary given is left as it is.
# Usage: scripts/install-files.sh [--strip] BINARY PREFIX
set -euo pipefail
strip_binary=no
if [ "${1:-}" = "--strip" ]; then
  strip_binary=yes
  shift
fi
binary=${1:?usage: install-files.sh [--strip] BINARY PREFIX}
prefix=${2:?usage: install-files.sh [--strip] BINARY PREFIX}
root=$(cd "$(dirname "$0")/.." && pwd)

install -d "$prefix/bin" "$prefix/share/smtp-codes"
install -m 755 "$binary" "$prefix/bin/smtp-codes"
if [ "$strip_binary" = yes ]; then
  "${STRIP:-strip}" --strip-all "$prefix/bin/smtp-codes"
fi
rm -rf "$prefix/share/smtp-codes"
mkdir -p "$prefix/share/smtp-codes"
cp -R "$root/Resources/." "$prefix/share/smtp-codes/"

# Shell completions and the man page come from the command definitions themselves.
"$prefix/bin/smtp-codes" --generate-completion-script bash > /dev/null 2>&1 || exit 0
# The bundled catalog read and validated once, kept beside it (share/smtp-codes/catalog.snapshot)
# so that the explorer opens without parsing the JSON; written by the installed binary from
# the installed files, as it is used only while both are unchanged (docs/decisions.md).
env -u SMTP_CODES_RESOURCES "$prefix/bin/smtp-codes" --write-catalog-snapshot
install -d "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
  "$prefix/share/fish/vendor_completions.d"
"$prefix/bin/smtp-codes" --generate-completion-script bash > "$prefix/share/bash-completion/completions/smtp-codes"
"$prefix/bin/smtp-codes" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_smtp-codes"
"$prefix/bin/smtp-codes" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/smtp-codes.fish"
if [ -f "$root/docs/smtp-codes.1" ]; then
  install -d "$prefix/share/man/man1"
  install -m 644 "$root/docs/smtp-codes.1" "$prefix/share/man/man1/smtp-codes.1"
fi
