#!/usr/bin/env bash
# Writes scripts/first-screen.order, the order in which `make install` and `make dist` lay out
# the binary's functions (Makefile, LINK_ORDER): every function the explorer runs from its
# start to its first screen and on until it quits, in the order it first runs them, so that
# the code of the start lies on as few pages as it can (docs/decisions.md, "Functions are
# laid out in the order the explorer first runs them").
#
# The explorer runs once under valgrind (lackey, which names every block of code as it first
# runs; told not to follow a call into the caller's block, so that small functions count too),
# in a 120x40 pseudo-terminal with the bundled catalog, until its first screen, and is then
# asked to quit (Benchmarks/coldstart/firstscreen.c). Each block's address is turned into
# the function around it with the unstripped binary's symbol table. The list names sections
# (`.text.` and the symbol): the build puts each Swift function in a section of its own
# (-function-sections); code from archives built without that stays where the link puts it.
#
# A list older than the code still links: names that no longer exist are ignored, and functions
# it does not name are laid out as if there were no list. Run this again after large changes.
# Usage: scripts/link-order.sh   (needs valgrind; takes a minute or two)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind >/dev/null || { echo "link-order.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The installed layout (resources, the catalog snapshot) with symbols kept. The binary is
# removed first so that the link runs again whatever the list was.
rm -f "$(make -s -C "$root" --no-print-directory bin-path)/smtp-codes"
make -s -C "$root" install PREFIX="$work/prefix" STRIP=true >/dev/null
binary="$work/prefix/bin/smtp-codes"
cc -O2 -o "$work/firstscreen" "$root/Benchmarks/coldstart/firstscreen.c" -lutil
mkdir "$work/config"
XDG_CONFIG_HOME="$work/config" LANG=C.UTF-8 TERM=xterm-256color FIRSTSCREEN_WAIT_MS=300000 \
  "$work/firstscreen" "q quit" valgrind --tool=lackey --trace-superblocks=yes --vex-guest-chase=no \
  --log-file="$work/blocks" "$binary" >/dev/null

# Symbols as 16 hexadecimal digits, in address order: compared as strings, they sort as numbers.
nm -n --defined-only "$binary" | awk '$2 ~ /^[tTwW]$/ { print $1, $3 }' > "$work/symbols"
awk '
  NR == FNR { start[++count] = $1; name[count] = $2; next }
  $1 == "SB" {
    address = substr($2, 3)
    if (address in seen) next
    seen[address] = 1
    address = substr("0000000000000000", length(address) + 1) tolower(address)
    low = 1; high = count
    if (count == 0 || address < start[1]) next
    while (low < high) {
      middle = int((low + high + 1) / 2)
      if (start[middle] <= address) low = middle; else high = middle - 1
    }
    if (!(name[low] in listed)) { listed[name[low]] = 1; print ".text." name[low] }
  }' "$work/symbols" "$work/blocks" > "$work/order"
[ -s "$work/order" ] || { echo "link-order.sh: valgrind recorded no code of the binary" >&2; exit 1; }
mv "$work/order" "$root/scripts/first-screen.order"
echo "link-order.sh: $(wc -l < "$root/scripts/first-screen.order") functions in scripts/first-screen.order"
