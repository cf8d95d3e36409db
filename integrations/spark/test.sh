#!/usr/bin/env bash
# The Spark job's test, run by .ci/run after `swift test`, as its own step:
#   1. the release archive (ARCHIVE, else `make dist`), unpacked and run by scripts/check-dist.sh;
#   2. a 200,000-line Postfix log (make_log.py), half plain and half gzip;
#   3. triage_job.py under spark-submit in local[2], the archive shipped with --archives;
#   4. its report checked against `smtp-codes triage --json` of the same files (check_report.py);
#   5. the Vector example parsed and checked (integrations/vector/check_config.py).
# Needs Java 17 or later and Python 3.11 or later with venv; pyspark comes from PyPI into
# integrations/spark/.venv. Anything missing or different fails the test: nothing is skipped.
# Usage: integrations/spark/test.sh [ARCHIVE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
fail() { echo "integrations/spark/test.sh: FAILED: $*" >&2; exit 1; }
lines=${SPARK_TEST_LINES:-200000}

command -v java >/dev/null || fail "java is missing (apt-get install openjdk-17-jre-headless)"
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1) || true
[ "${java_major:-0}" -ge 17 ] || fail "Java 17 or later is needed, found: $(java -version 2>&1 | head -1)"
python=${PYTHON:-python3}
"$python" -c 'import sys, venv, tomllib; sys.exit(sys.version_info < (3, 11))' \
  || fail "$python must be Python 3.11 or later with venv (apt-get install python3-venv)"

venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv" || fail "cannot make a virtualenv at $venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" \
  || fail "pip install -r integrations/spark/requirements.txt"
"$venv/bin/python" -c 'import pyspark' || fail "pyspark does not import"
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
# Spark in local mode still opens sockets (driver, block manager, Python workers): keep them on
# the loopback address rather than whatever the host name resolves to.
export SPARK_LOCAL_IP=127.0.0.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archive=${1:-}
if [ -z "$archive" ]; then
  # The build's output is shown; make-dist.sh names the archive on the last line.
  (cd "$root" && make -s dist) | tee "$work/dist.out" >&2 || fail "make dist"
  archive=$(tail -n 1 "$work/dist.out")
fi
[ -f "$archive" ] || fail "no release archive at '$archive'"
archive=$(realpath "$archive")
"$root/scripts/check-dist.sh" "$archive"

"$venv/bin/python" "$here/make_log.py" --lines "$lines" -o "$work/mail.log"
half=$((lines / 2))
head -n "$half" "$work/mail.log" > "$work/mail-1.log"
tail -n +"$((half + 1))" "$work/mail.log" | gzip > "$work/mail-2.log.gz"

tar -C "$work" -xzf "$archive"
binary=$(echo "$work"/smtp-codes-*/bin/smtp-codes)
[ -x "$binary" ] || fail "no binary in the archive"
"$binary" triage --json --top 0 "$work/mail-1.log" "$work/mail-2.log.gz" > "$work/triage.json" \
  || fail "smtp-codes triage --json"

echo "integrations/spark/test.sh: spark-submit --master local[2] triage_job.py on $lines lines"
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
  --archives "$archive#smtp-codes" "$here/triage_job.py" \
  --output "$work/report" "$work/mail-1.log" "file://$work/mail-2.log.gz" \
  > "$work/job.out" 2> "$work/job.err" \
  || { tail -40 "$work/job.err" >&2; fail "the Spark job failed"; }
cat "$work/job.out"
"$venv/bin/python" "$here/check_report.py" "$work/triage.json" "$work/report" || fail "the report differs from triage"
"$venv/bin/python" "$root/integrations/vector/check_config.py" || fail "the Vector example"
echo "integrations/spark/test.sh: 3 passed, 0 failed"
