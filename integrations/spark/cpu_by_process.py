#!/usr/bin/env python3
"""Adds up the CPU time of a process and all its descendants by program name, for the figures
in docs/scaling.md: Spark's JVM, its Python workers and each smtp-codes a task starts. Wall
times on a shared machine vary with its load; CPU time much less.

    spark-submit ... & python3 cpu_by_process.py $!

Every process under PID is sampled from /proc every 0.2 s until PID ends; each counts its
own user and system time (not its waited-for children's, which are counted themselves).
A process's last 0.2 s before it exits is missed.
"""
import collections
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def read_stat(pid):
    """(name, parent pid, own CPU seconds) from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as handle:
        data = handle.read()
    # The name is in parentheses and may hold spaces; the fields after it are plain.
    name = data[data.index("(") + 1:data.rindex(")")]
    fields = data[data.rindex(")") + 2:].split()
    return name, int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def main(root):
    family, latest = {root}, {}
    while os.path.exists(f"/proc/{root}"):
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                name, parent, cpu = read_stat(int(entry))
            except OSError:
                continue
            if int(entry) in family or parent in family:
                family.add(int(entry))
                latest[int(entry)] = (name, cpu)
        time.sleep(0.2)
    totals = collections.Counter()
    for name, cpu in latest.values():
        totals[name] += cpu
    for name, cpu in totals.most_common():
        print(f"{name:20s} {cpu:7.1f} s")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(int(sys.argv[1]))
