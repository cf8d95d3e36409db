#!/usr/bin/env bash
# Cold start to the first screen: each program starts in a pseudo-terminal (script),
# and script's timing log gives the delay before its first output, which for both
# programs is the first full screen (ncurses writes it in one refresh). A 'q' sent
# a second later ends each run.
# Usage: Benchmarks/coldstart/run.sh PATH-TO-smtp-codes [runs]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:?usage: run.sh PATH-TO-smtp-codes [runs]}
runs=${2:-20}
# The bundled catalog only: catalogs of your own (~/.config/smtp-codes/catalog) would
# change what is measured, so the explorer sees an empty configuration folder.
config=$(mktemp -d)
trap 'rmdir "$config"' EXIT
export XDG_CONFIG_HOME=$config
cc -O2 -o "$here/.minimal" "$here/minimal.c" $(pkg-config --cflags --libs ncursesw)
measure() {
  local timing total=0
  timing=$(mktemp)
  for _ in $(seq "$runs"); do
    (sleep 1; printf q) | TERM=xterm-256color script -qfec "$1" -T "$timing" /dev/null > /dev/null
    # First line of the timing log: seconds before the first output, then its size.
    total=$(awk -v t="$total" 'NR == 1 { printf "%d", t + $1 * 1000000 }' "$timing")
  done
  rm -f "$timing"
  echo $((total / runs))
}
c=$(measure "$here/.minimal")
s=$(measure "$binary")
echo "minimal C ncurses program: ${c} µs"
echo "smtp-codes explorer:       ${s} µs"
awk -v s="$s" -v c="$c" 'BEGIN { printf "ratio: %.2f×\n", s / c }'
