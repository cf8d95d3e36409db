#!/usr/bin/env python3
"""Syntax-checks the Vector example (Vector is in neither Debian bookworm nor PyPI, so it
cannot be run here): the TOML parses, every input a transform or sink names exists, and
the exec source runs smtp-codes explain --ndjson in streaming mode with JSON decoding.

    check_config.py [smtp-codes.toml]
"""
import os
import shlex
import sys
import tomllib


def main(path):
    with open(path, "rb") as handle:
        config = tomllib.load(handle)
    problems = []
    sources = config.get("sources", {})
    stages = set(sources) | set(config.get("transforms", {}))
    for kind in ("transforms", "sinks"):
        for name, stage in config.get(kind, {}).items():
            for wanted in stage.get("inputs", []):
                if wanted not in stages:
                    problems.append(f"{kind}.{name} reads {wanted!r}, which no source or transform is")
    execs = [(name, s) for name, s in sources.items() if s.get("type") == "exec"]
    if not execs:
        problems.append("no exec source")
    for name, source in execs:
        words = source.get("command", [])
        # A shell command line is split as sh would split it, to find the stage in the pipeline.
        text = " ".join(shlex.split(words[-1])) if words[:2] == ["sh", "-c"] else " ".join(words)
        if "smtp-codes explain --ndjson" not in text:
            problems.append(f"sources.{name} does not run smtp-codes explain --ndjson: {words}")
        if source.get("mode") != "streaming":
            problems.append(f"sources.{name} is not in streaming mode")
        if source.get("decoding", {}).get("codec") != "json":
            problems.append(f"sources.{name} does not decode JSON")
        if source.get("framing", {}).get("method") != "newline_delimited":
            problems.append(f"sources.{name} is not framed by lines")
    for problem in problems:
        print(f"check_config.py: {path}: {problem}", file=sys.stderr)
    if not problems:
        print(f"check_config.py: {path}: parses; exec source runs smtp-codes explain --ndjson, streaming, JSON lines")
    return 1 if problems else 0


if __name__ == "__main__":
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "smtp-codes.toml")
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else default))
