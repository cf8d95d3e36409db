#!/usr/bin/env bash
# The whole benchmark in one command, from anywhere in the repository:
#   Benchmarks/run.sh                      # 154, 10k and 100k entries
#   Benchmarks/run.sh 150,10000,100000,1000000   # adds 1M (870 MB of JSON under /tmp, about 10 minutes)
# Builds the installed form of smtp-codes (release, static Swift runtime) for the
# whole-process comparison with fzf, builds the benchmark package from clean (a
# path dependency's new files are otherwise missed), runs every size, then the
# cold-start comparison with a minimal C ncurses program. The report is Markdown
# on standard output.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-150,10000,100000}
cd "$root"
swift build -c release --static-swift-stdlib --product smtp-codes >&2
(cd Benchmarks && swift package clean && swift build -c release >&2)
SMTP_CODES_BIN="$root/.build/release/smtp-codes" Benchmarks/.build/release/smtp-codes-bench --sizes "$sizes"
echo "## Cold start to the first screen"
echo
echo '```'
Benchmarks/coldstart/run.sh "$root/.build/release/smtp-codes" 20
echo '```'
