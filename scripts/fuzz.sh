#!/usr/bin/env bash
# Builds the fuzz package (Fuzz/) with libFuzzer and AddressSanitizer and runs one target.
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#   TARGET: json (catalog JSON reader, differential), reply (explain's reply and log-line
#           parser), events (EventScanner: every input format, and the byte-level reply
#           reader against ReplyFinder), search (query parser and search over the bundled
#           catalog), snapshot (the catalog snapshot's reader, then the catalog it gives),
#           keys (key and mouse decoding through the explorer's loop), lines
#           (LineReader: lines, cuts and gzip, against a reference splitter and across chunk sizes)
#   SECONDS: how long to fuzz; 0 with -runs=N runs N inputs instead.
# Reproduce a crash: scripts/fuzz.sh TARGET 0 path/to/crash-file
# New inputs go to Fuzz/.build/corpus/TARGET (not committed); the committed seeds in
# Fuzz/Corpus/TARGET are only read. Crashes land in Fuzz/.build/artifacts/TARGET/.
set -euo pipefail
usage() { echo "usage: scripts/fuzz.sh json|reply|events|search|snapshot|keys|lines SECONDS [libFuzzer flags...]" >&2; exit 64; }
[ $# -ge 2 ] || usage
target=${1#fuzz-}
seconds=$2
shift 2
extra=()
case $target in
  json) max_len=4096 ;;
  # Explain is known to slow down on very long input, so inputs stay a few lines long.
  # The standard library's Regex keeps each parsed pattern in a reference cycle, which
  # LeakSanitizer reports once per pattern at exit: not the parser's leak, so no leak
  # check, neither libFuzzer's per input nor ASan's at exit.
  reply) max_len=4096; extra=(-detect_leaks=0); export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 ;;
  # Lines of any format; ReplyFinder's Regex (the differential) leaks as for reply.
  events) max_len=8192; extra=(-detect_leaks=0); export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 ;;
  search) max_len=512 ;;
  snapshot) max_len=8192 ;;
  keys) max_len=1024 ;;
  lines) max_len=8192 ;;
  *) usage ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/Fuzz"

# Every module, the project's included, is instrumented. The debug configuration keeps
# -enable-testing, which the targets' @testable imports need; -O on top of it runs about
# ten times more inputs per second than -Onone (bounds and overflow checks stay on).
flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -O)
nice -n 10 swift build "${flags[@]}" --product "fuzz-$target" 2>&1 \
  | grep -v -e 'Cannot export local symbol' -e 'prohibited flag' >&2 || true
binary=$(swift build "${flags[@]}" --show-bin-path)/fuzz-$target
[ -x "$binary" ] || { echo "fuzz.sh: build of fuzz-$target failed" >&2; exit 1; }

work=.build/corpus/$target
artifacts=.build/artifacts/$target
mkdir -p "$work" "$artifacts" .build/logs
log=.build/logs/$target.log

# Inputs given as files are run once each (reproducing); otherwise fuzz the corpora.
inputs=()
for argument in "$@"; do [ -f "$argument" ] && inputs+=("$argument"); done
if ((${#inputs[@]} == 0)); then set -- "$@" "$work" "Corpus/$target"; fi
[ "$seconds" -gt 0 ] && set -- -max_total_time="$seconds" "$@"

# Swift's own crash reporter would race libFuzzer's handlers; ASan and libFuzzer report instead.
export SWIFT_BACKTRACE=enable=no
export SMTP_CODES_RESOURCES="$root/Resources"
set +e
nice -n 10 "$binary" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "${extra[@]}" "$@" 2>&1 | tee "$log" | grep -v -e '^#[0-9]*	\(NEW\|REDUCE\|pulse\)' >&2
status=${PIPESTATUS[0]}
set -e
echo "--- fuzz-$target summary (full log: Fuzz/$log)"
grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)|^Done [0-9]+ runs|^stat::|^SUMMARY|^artifact_prefix|Test unit written' "$log" || true
exit "$status"
