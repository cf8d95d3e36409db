#!/usr/bin/env python3
"""Classifies mail logs inside Apache Spark with smtp-codes, shipped as its release archive.

    spark-submit --archives dist/smtp-codes-VERSION-linux-x86_64.tar.gz#smtp-codes \\
        integrations/spark/triage_job.py --output OUT  LOG [LOG...]

LOG is any path or Hadoop URI Spark reads as text (hdfs://, s3a://, file://, a glob; .gz
files are inflated, one partition each). Every partition is piped through `smtp-codes
explain --ndjson` on the executor that holds it; the events come back as rows, and the
report is written under OUT:

    OUT/groups.json, OUT/groups.parquet     one row per reason, provider and code of the
                                            problems (replies not delivered): count, hard,
                                            soft, first and last seen
    OUT/outcomes.json, OUT/outcomes.parquet one row per outcome (delivered, deferred,
                                            bounced, rejected, unknown) with its count

(each a Spark output folder of part files). The counts are those of `smtp-codes triage
--json` on the same input: the groups are its reason > provider > code tree, flattened.
docs/scaling.md tells how to size a cluster and where the binary lands on executors.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# The fields of `explain --ndjson` the report needs (docs: README, "JSON"); the others are
# left out of the frame.
EVENT = T.StructType([
    T.StructField("reply_code", T.StringType()),
    T.StructField("enhanced_code", T.StringType()),
    T.StructField("reason", T.StringType()),
    T.StructField("hard", T.BooleanType()),
    T.StructField("provider", T.StringType()),
    T.StructField("timestamp", T.StringType()),
    T.StructField("outcome", T.StringType()),
])


def arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("logs", nargs="+", help="log files, globs or Hadoop URIs (plain or .gz)")
    parser.add_argument("--output", required=True, help="folder (or Hadoop URI) for the report")
    parser.add_argument("--archive-name", default="smtp-codes",
                        help="the name after # in --archives (default smtp-codes)")
    parser.add_argument("--binary", help="a path to smtp-codes valid on every executor, instead of the archive")
    parser.add_argument("--format", default="auto",
                        help="smtp-codes --format for the logs (default auto: detected in each partition)")
    parser.add_argument("--partitions-per-core", type=int, default=2,
                        help="partitions per core of the default parallelism (default 2)")
    return parser.parse_args(argv)


def find_binary(archive_name, explicit):
    """On an executor: the smtp-codes of the unpacked archive. Spark unpacks `--archives`
    into SparkFiles' root folder (standalone, Kubernetes, local mode) or, on YARN, into the
    container's working folder; the archive holds one folder smtp-codes-VERSION-linux-ARCH/."""
    if explicit:
        return explicit
    places = [os.path.join(SparkFiles.getRootDirectory(), archive_name), os.path.join(os.getcwd(), archive_name)]
    for place in places:
        found = sorted(glob.glob(os.path.join(place, "*", "bin", "smtp-codes")))
        if found:
            return found[0]
    raise RuntimeError(f"smtp-codes not found in {places}: pass the release archive with "
                       f"--archives smtp-codes-VERSION-linux-ARCH.tar.gz#{archive_name}")


def problems(frame):
    """triage's rule (TriageReport.isProblem): not delivered, and not a 2xx or 3xx reply whose
    outcome the input does not say."""
    first_digit = F.substring(F.coalesce("reply_code", "enhanced_code"), 1, 1)
    unknown_problem = (F.col("outcome") == "unknown") & (first_digit.isNull() | (first_digit >= "4"))
    return frame.where(F.col("outcome").isin("deferred", "bounced", "rejected") | unknown_problem)


def classify(lines, binary, input_format):
    """Pipes one partition's lines (bytes, as read) through `smtp-codes explain --ndjson` and
    yields each event's JSON text as it comes out; Spark parses it (in the JVM, faster than
    json.loads here). A writer thread feeds standard input while this generator reads
    standard output, so neither side waits on a full pipe."""
    command = [binary, "explain", "--ndjson"]
    if input_format != "auto":
        command += ["--format", input_format]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
        failure = []

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line + b"\n")
            except BrokenPipeError:
                failure.append("smtp-codes stopped reading its input")
            except BaseException as error:  # the partition's own reading failed: report it below
                failure.append(repr(error))
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for text in process.stdout:
            yield text.decode("utf-8")
        writer.join()
        status = process.wait()
        # 1 is "no reply in this input", which a partition of connects and disconnects may be.
        if failure or status not in (0, 1):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited {status}: {'; '.join(failure)} {message}")


def main(argv):
    options = arguments(argv)
    spark = SparkSession.builder.appName("smtp-codes triage").getOrCreate()
    context = spark.sparkContext
    partitions = context.defaultParallelism * max(1, options.partitions_per_core)
    # Bytes as read: smtp-codes reads any encoding the log has, so nothing is decoded here.
    logs = context.textFile(",".join(options.logs), minPartitions=partitions, use_unicode=False)
    binary, input_format = options.binary, options.format
    archive_name = options.archive_name
    events = logs.mapPartitions(
        lambda lines: classify(lines, find_binary(archive_name, binary), input_format))
    # FAILFAST: an event that does not parse is a bug to hear about, not a row of nulls.
    frame = (spark.read.schema(EVENT).option("mode", "FAILFAST").json(events)
             .withColumn("code", F.concat_ws(" ", "reply_code", "enhanced_code"))
             .withColumn("code", F.when(F.col("code") != "", F.col("code")))
             .cache())

    outcomes = frame.groupBy("outcome").agg(F.count(F.lit(1)).alias("count")).orderBy("outcome")
    groups = (problems(frame)
              .groupBy("reason", "provider", "code")
              .agg(F.count(F.lit(1)).alias("count"),
                   F.sum(F.col("hard").cast("int")).alias("hard"),
                   F.sum((~F.col("hard")).cast("int")).alias("soft"),
                   F.min("timestamp").alias("first_seen"),
                   F.max("timestamp").alias("last_seen"))
              .orderBy(F.desc("count"), "reason", "provider", "code"))
    # One part file each: the report is small (groups are bounded by the rules and codes).
    for name, table in (("groups", groups), ("outcomes", outcomes)):
        table.coalesce(1).write.mode("overwrite").json(f"{options.output}/{name}.json")
        table.coalesce(1).write.mode("overwrite").parquet(f"{options.output}/{name}.parquet")
    total = frame.count()
    print(f"triage_job: {total} replies in {logs.getNumPartitions()} partitions; report in {options.output}")
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
