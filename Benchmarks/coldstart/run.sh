#!/usr/bin/env bash
# Cold start to the first screen: each program starts in a 120x40 pseudo-terminal, and
# firstscreen.c times it from just before the fork until its output holds the text that
# ends its first screen (the C program's one line; the explorer's hint bar, its last row,
# which ncurses writes last). Escape sequences written before the screen (switching to the
# alternate screen, bracketed paste, the mouse) do not end the count, and the clock starts
# in the timing process itself. The two programs take turns, so that load from anything
# else on the machine falls on both alike, and each figure is the median of the runs.
# Usage: Benchmarks/coldstart/run.sh PATH-TO-smtp-codes [runs]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:?usage: run.sh PATH-TO-smtp-codes [runs]}
runs=${2:-20}
# The bundled catalog only: catalogs of your own (~/.config/smtp-codes/catalog) would
# change what is measured, so the explorer sees an empty configuration folder. English
# labels, so that the marker below is what the hint bar says.
config=$(mktemp -d)
trap 'rmdir "$config"' EXIT
export XDG_CONFIG_HOME=$config LANG=C.UTF-8 TERM=xterm-256color
unset LC_ALL LC_MESSAGES LANGUAGE
cc -O2 -o "$here/.minimal" "$here/minimal.c" $(pkg-config --cflags --libs ncursesw)
cc -O2 -o "$here/.firstscreen" "$here/firstscreen.c" -lutil
c_times=()
s_times=()
for _ in $(seq "$runs"); do
  c_times+=("$("$here/.firstscreen" "minimal ncurses program" "$here/.minimal")")
  s_times+=("$("$here/.firstscreen" "q quit" "$binary")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }
c=$(median "${c_times[@]}")
s=$(median "${s_times[@]}")
echo "minimal C ncurses program: ${c} µs (median of $runs)"
echo "smtp-codes explorer:       ${s} µs (median of $runs)"
awk -v s="$s" -v c="$c" 'BEGIN { printf "ratio: %.2f×\n", s / c }'
