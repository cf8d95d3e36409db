#!/usr/bin/env bash
# Regenerates docs/smtp-codes.1, the man page `make install` installs.
#
# The generate-manual plugin of swift-argument-parser writes NAME, SYNOPSIS and
# DESCRIPTION from the command definitions (abstracts, discussions, options). It
# cannot know the explorer's keys, the environment or the files, and it copies each
# discussion as plain text lines, so this script finishes the page:
#   - blank lines in a discussion become paragraph breaks (.Pp): roff warns about
#     empty input lines, and they are not paragraph breaks in mdoc;
#   - indented example lines become literal displays (.Bd -literal), so they stay
#     one command per line and can be copied;
#   - the EXIT STATUS table that `--help` shows at the end of the root discussion
#     leaves DESCRIPTION, and the plugin's generic EXIT STATUS section (.Ex -std)
#     is replaced by KEYS, ENVIRONMENT, FILES and EXIT STATUS as the binary prints
#     them (`smtp-codes --manual-sections`, from the key table and ExitStatus).
# PackagingTests checks that the committed page is current and renders without
# warnings. Usage: scripts/make-manpage.sh   (about a minute after `swift build`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The page's date is that of the last commit to what the page is made from, so
# regenerating it after unrelated commits changes nothing.
date=$(git log -1 --format=%cs -- Sources/smtp-codes Sources/ExplorerUI/State/KeyTable.swift \
  Resources/locales/en.json scripts/make-manpage.sh 2>/dev/null || true)
date=${date:-$(date +%F)}
# A debug build is enough to describe the commands and is usually built already.
swift package --allow-writing-to-directory "$work" generate-manual --configuration debug \
  --output-directory "$work" --date "$date" --authors "smtp-codes developers" >&2
binary="$(swift build --show-bin-path)/smtp-codes"
"$binary" --manual-sections > "$work/sections"

awk -v sections="$work/sections" '
  function flush_paragraph() { if (blank) { print ".Pp"; blank = 0 } }
  function close_display() { if (display) { print ".Ed"; display = 0 } }

  # The generic EXIT STATUS section and its .Ex line give way to the binary'"'"'s sections.
  $0 == ".Sh \"EXIT STATUS\"" {
    close_display(); blank = 0
    while ((getline line < sections) > 0) print line
    replaced = 1; skip_ex = 1; next
  }
  skip_ex && /^\.Ex / { skip_ex = 0; next }

  # The EXIT STATUS table inside the root discussion: the heading and its indented rows.
  $0 == "EXIT STATUS" { close_display(); blank = 0; in_table = 1; next }
  in_table && /^ / { next }
  { in_table = 0 }

  /^$/ { close_display(); blank = 1; next }

  # An indented line is an example or a table row: shown as typed, one per line.
  /^  / {
    if (!display) { flush_paragraph(); print ".Bd -literal -offset indent"; display = 1 }
    sub(/^  /, ""); print "\\&" $0; next
  }

  /^\./ { close_display(); blank = 0; print; next }
  { close_display(); flush_paragraph(); print }

  END {
    close_display()
    if (!replaced) { print "make-manpage.sh: no EXIT STATUS section to replace" > "/dev/stderr"; exit 1 }
  }
' "$work/smtp-codes.1" > "$work/page"
cp "$work/page" docs/smtp-codes.1
echo "wrote docs/smtp-codes.1" >&2
