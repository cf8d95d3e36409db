#!/usr/bin/env python3
"""Writes the small seed corpora under Fuzz/Corpus/<target>/ from the test fixtures.

Run from anywhere: python3 Fuzz/make-seeds.py [TARGET...] (all targets when none is
named). The output is committed, so scripts/fuzz.sh needs nothing but Swift; rerun this
when the fixtures change.
"""
import hashlib
import json
import pathlib
import shutil
import sys

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "Fuzz" / "Corpus"


def write(target, items):
    folder = corpus / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for item in items:
        data = item if isinstance(item, bytes) else item.encode()
        # Named by content, as libFuzzer names the inputs it adds.
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def json_seeds():
    # The reader's own test documents (Tests/SMTPCatalogTests/JSONParserTests.swift).
    seeds = [
        '{"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}, "e": []}',
        r'"a\"b\\c\/d\n\t\u00e9\ud83d\ude00"',
        '"ünïcödé 日本"',
        r'"\ud83dA\ud83d\u0041\ude00"',
        "\ufeff[]",
        '{"a": }', "[1, 2", '{"a": 1}\nx', '"abc', '"a\u0001"', "[tru]", r'"\q"',
        '{"schema": 1, "entries": [{"code": "553", "k\\u0069nd": "basic", "extra": [1]}, 7]}',
        "0", "-0.0e+0", "1E-7", "123456789012345678901", "[[[[]]]]",
    ]
    # One entry of each catalog file, as a catalog of its own.
    for path in sorted((root / "Resources" / "catalog").glob("*.json")):
        document = json.loads(path.read_text())
        seeds.append(json.dumps({"schema": 1, "entries": document["entries"][:1]}, ensure_ascii=False))
    groups = json.loads((root / "Resources" / "search" / "synonyms.json").read_text())["groups"]
    seeds.append(json.dumps({"schema": 1, "groups": groups[:2]}))
    return seeds


def reply_seeds():
    cases = json.loads((root / "Tests" / "CommandLineTests" / "Fixtures" / "explain-cases.json").read_text())
    return [case["input"] for case in cases["cases"]]


def events_seeds():
    # The first byte picks the format: 0 detect, 1-6 InputFormat.allCases (reply, postfix,
    # exim, sendmail, mail, transcript). Each format fixture detected and forced, and
    # explain's test set as plain replies.
    folder = root / "Tests" / "ReplyExplainerTests" / "Fixtures" / "formats"
    forced = {"postfix.log": 2, "exim-main.log": 3, "sendmail.log": 4, "swaks.txt": 6, "openssl.txt": 6,
              "client-server.txt": 6, "client-debug.txt": 6, "pipelined.txt": 6}
    seeds = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".md":
            continue
        data = path.read_bytes()
        seeds.append(bytes([0]) + data)
        seeds.append(bytes([forced.get(path.name, 5)]) + data)
    seeds += [bytes([1]) + item.encode() for item in reply_seeds()]
    return seeds


def search_seeds():
    queries = json.loads((root / "Tests" / "SMTPCatalogTests" / "Fixtures" / "search-relevance.json").read_text())
    seeds = [item["query"] for item in queries["queries"]]
    # The operators the relevance fixture does not use.
    return seeds + ["'exact", "^pre", "fix$", "!spam", "mailbox | quota", "5.7.*", "55", "x.1.1", "Relay Denied"]


def snapshot_seeds():
    # The runs of a catalog snapshot, after its header (fuzz-snapshot supplies that), laid
    # out as CatalogSnapshot writes them: little-endian counts, each text a span of its run's
    # store, each list a span of the run's items. CodeKind and Standing go by case index.
    import struct
    u32 = lambda value: struct.pack("<I", value)
    string = lambda text: u32(len(text.encode())) + text.encode()

    def run(name, entries):
        store, items, body = b"", [], b""
        def span(text):
            nonlocal store
            start = len(store)
            store += text.encode()
            return (start, len(text.encode()))
        def listed(values):
            start = len(items)
            items.extend(span(value) for value in values)
            return (start, len(values))
        for entry in entries:
            texts = [span(entry[field]) for field in ("class_name", "title", "summary", "description", "when", "fix")]
            caveat = span(entry["caveat"]) if "caveat" in entry else None
            lists = [listed(entry.get(field, [])) for field in ("commands", "seen_after", "rfcs", "related", "keywords")]
            body += string(entry["code"]) + bytes([entry["kind"], entry.get("class", 0xFF), entry.get("standing", 0)])
            body += b"".join(u32(start) + u32(count) for start, count in texts)
            body += bytes([1 if caveat else 0]) + u32((caveat or (0, 0))[0]) + u32((caveat or (0, 0))[1])
            body += b"".join(u32(start) + u32(count) for start, count in lists)
        return (string(name) + u32(len(store)) + store + u32(len(items))
                + b"".join(u32(start) + u32(count) for start, count in items) + u32(len(entries)) + body)

    basic = {"code": "553", "kind": 0, "class": 5, "class_name": "5xx", "title": "Mailbox Name Invalid",
             "summary": "s", "description": "d", "when": "w", "fix": "f", "commands": ["RCPT", "MAIL"],
             "rfcs": ["RFC 5321 §4.2.2"], "related": ["550", "X.1.3"], "keywords": ["syntax"]}
    enhanced = {"code": "X.1.3", "kind": 1, "standing": 2, "class_name": "x.x.x", "title": "Bad Syntax",
                "summary": "s", "description": "d", "when": "w", "fix": "f", "caveat": "c", "commands": ["ANY"],
                "rfcs": ["RFC 3463 §3.2"], "related": ["553"], "keywords": []}
    return [
        u32(1) + run("catalog/basic.json", [basic]),
        u32(2) + run("catalog/basic.json", [basic]) + run("catalog/enhanced.json", [enhanced]),
        u32(1) + run("catalog/both.json", [basic, enhanced]),
        u32(1) + run("catalog/none.json", []),
    ]


def keys_seeds():
    # Tag bytes (see fuzz-keys/EventScript.swift): 0 character, 3 key code, 5 mouse,
    # 6 resize, 7 bound key. Searching, moving, marking, comparing, clicking, resizing.
    enter, space = 10, 32
    type_text = lambda text: b"".join(bytes([0, ord(c)]) for c in text)
    return [
        bytes([0, ord("/")]) + type_text("quota") + bytes([0, enter, 0, ord("j"), 0, space, 0, ord("j"), 0, space, 0, ord("c")]),
        bytes([3, 1, 3, 0, 3, 2, 3, 3, 3, 4, 0, ord("?"), 0, ord("q")]),
        bytes([5, 0, 10, 0, 5, 0, 5, 1, 5, 1, 40, 0, 10, 0, 5, 2, 200, 1, 255, 1]),
        bytes([6, 20, 5, 0, ord("j"), 6, 255, 95, 6, 0, 0, 0, ord("G")]),
        bytes([7, 0, 0, ord("5"), 0, ord("5"), 7, 6, 7, 7, 7, 9, 7, 1]),
    ]


def lines_seeds():
    # Two bytes (chunk size, line cut), then the input: plain lines, CRLF, long lines,
    # UTF-8 at the cut, and gzip (one member, two members, padded, cut short).
    import gzip
    text = "550 5.1.1 user unknown\r\n\n451 4.7.1 try later\nl\u00e9ngth \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9 end".encode()
    packed = gzip.compress(text, mtime=0)
    return [
        bytes([3, 9]) + text,
        bytes([0, 39]) + b"a\rb\n\r\n" + b"x" * 100 + b"\nlast",
        bytes([7, 5]) + packed,
        bytes([1, 20]) + packed + gzip.compress(b"second member\n", mtime=0),
        bytes([31, 12]) + packed + b"\0\0\0",
        bytes([4, 30]) + packed[: len(packed) // 2],
    ]


makers = {"json": json_seeds, "reply": reply_seeds, "events": events_seeds, "search": search_seeds,
          "snapshot": snapshot_seeds, "keys": keys_seeds, "lines": lines_seeds}
for target in sys.argv[1:] or list(makers):
    write(target, makers[target]())
