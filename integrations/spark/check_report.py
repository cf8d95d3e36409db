#!/usr/bin/env python3
"""Checks the Spark job's report against `smtp-codes triage --json --top 0` on the same logs:
every outcome count, and every reason, reason > provider and reason > provider > code group
with its count, hard and soft, must be equal. Prints what differs and exits 1 if anything does.

    check_report.py TRIAGE.json REPORT_FOLDER
"""
import collections
import glob
import json
import os
import sys


def spark_rows(folder):
    """The rows of a Spark JSON output folder (one object per line in part files)."""
    parts = sorted(glob.glob(os.path.join(folder, "part-*")))
    if not parts:
        sys.exit(f"check_report.py: no part files in {folder}")
    for part in parts:
        with open(part, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def triage_groups(groups, path, found):
    """Flattens triage's reason > provider > code tree into {path: (count, hard, soft)}."""
    for group in groups:
        if group["other"]:
            sys.exit(f"check_report.py: triage folded groups into 'other' under {path}; raise its limits or shrink the log")
        key = path + (group["key"],)
        found[key] = (group["count"], group["hard"], group["soft"])
        triage_groups(group["groups"], key, found)
    return found


def main(triage_path, report):
    with open(triage_path, encoding="utf-8") as handle:
        triage = json.load(handle)
    if triage["grouping"] != "reason" or triage["more_groups"]:
        sys.exit("check_report.py: run triage with --json --top 0 and the default grouping")
    expected = triage_groups(triage["groups"], (), {})

    # The job's rows are the finest level; the levels above are their sums.
    found = collections.defaultdict(lambda: [0, 0, 0])
    for row in spark_rows(os.path.join(report, "groups.json")):
        # Spark's JSON writer leaves out null columns.
        keys = (row["reason"], row.get("provider"), row.get("code"))
        for depth in (1, 2, 3):
            totals = found[keys[:depth]]
            totals[0] += row["count"]
            totals[1] += row["hard"]
            totals[2] += row["soft"]
    found = {key: tuple(value) for key, value in found.items()}

    outcomes = {row["outcome"]: row["count"] for row in spark_rows(os.path.join(report, "outcomes.json"))}
    totals = triage["totals"]
    problems = []
    for outcome in ("delivered", "deferred", "bounced", "rejected", "unknown"):
        if outcomes.get(outcome, 0) != totals[outcome]:
            problems.append(f"outcome {outcome}: job {outcomes.get(outcome, 0)}, triage {totals[outcome]}")
    if sum(outcomes.values()) != totals["replies"]:
        problems.append(f"replies: job {sum(outcomes.values())}, triage {totals['replies']}")
    for key in sorted(set(expected) | set(found), key=lambda k: tuple(str(part) for part in k)):
        if expected.get(key) != found.get(key):
            problems.append(f"group {' > '.join(str(part) for part in key)}: job (count, hard, soft) "
                            f"{found.get(key)}, triage {expected.get(key)}")
    if problems:
        print("check_report.py: the Spark report differs from smtp-codes triage:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    print(f"check_report.py: {totals['replies']} replies, {totals['problems']} problems in {len(expected)} groups "
          f"(reason, provider, code): the Spark report equals smtp-codes triage")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
