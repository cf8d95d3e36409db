#!/usr/bin/env python3
"""Writes a made-up but realistic day of Postfix log lines, for the Spark job's test and
the scaling figures (docs/scaling.md).

Seven lines in ten carry no reply (connections, client=, message-id=, qmgr's from= and
removed, disconnects), as on a real relay; the others are deliveries (status=sent), and
bounces, deferrals and NOQUEUE rejections whose server words are the examples of the
bundled rules (Resources/rules/*.json), so every provider and reason the rules know turns
up. The same seed writes the same log.

    make_log.py --lines 200000 --seed 14 -o mail.log     (a .gz name is compressed)
"""
import argparse
import glob
import gzip
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MONTH_DAY = "May  1"

# Where a rule file's replies come from: the recipient domains and the relay that answers.
# Rule files not named here (generic texts, filters, MTAs) answer for the example domains.
PROVIDERS = {
    "gmail": (["gmail.com", "googlemail.com"], "gmail-smtp-in.l.google.com"),
    "microsoft": (["outlook.com", "hotmail.com"], "outlook-com.olc.protection.outlook.com"),
    "yahoo": (["yahoo.com", "aol.com"], "mta6.am0.yahoodns.net"),
    "icloud": (["icloud.com", "me.com"], "mx01.mail.icloud.com"),
    "comcast": (["comcast.net"], "mx1.comcast.net"),
    "gmx": (["gmx.de", "web.de"], "mx00.emig.gmx.net"),
    "att": (["att.net"], "al-ip4-mx-vip1.prodigy.net"),
    "orange": (["orange.fr"], "smtp-in.orange.fr"),
    "mailru": (["mail.ru"], "mxs.mail.ru"),
}
OTHER_DOMAINS = ["example.com", "example.net", "example.org"]
# A reply as a rule's example has it: a basic code of class 4 or 5 first.
REPLY = re.compile(r"^[45][0-9][0-9][ -]")


def replies():
    """(domains, relay, reply text) for every rule example that is a 4xx or 5xx reply."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Resources", "rules", "*.json"))):
        name = os.path.splitext(os.path.basename(path))[0]
        domains, relay = PROVIDERS.get(name, (OTHER_DOMAINS, None))
        with open(path, encoding="utf-8") as handle:
            rules = json.load(handle)["rules"]
        for rule in rules:
            example = " ".join(rule.get("example", "").split())
            if REPLY.match(example):
                found.append((domains, relay, example))
    if not found:
        sys.exit("make_log.py: no rule examples under Resources/rules")
    return found


def lines(count, seed):
    rng = random.Random(seed)
    problems = replies()
    for number in range(count):
        second = number * 86_400 // max(count, 1)
        time = f"{MONTH_DAY} {second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        queue = f"{rng.getrandbits(40):010X}"
        ip = f"198.51.100.{rng.randrange(1, 251)}"
        pid = rng.randrange(1000, 10000)
        user = f"user{rng.randrange(50_000)}"
        roll = rng.random()
        if roll < 0.14:
            yield f"{time} mx1 postfix/smtpd[{pid}]: connect from unknown[{ip}]"
        elif roll < 0.28:
            yield f"{time} mx1 postfix/smtpd[{pid}]: {queue}: client=unknown[{ip}]"
        elif roll < 0.42:
            yield f"{time} mx1 postfix/cleanup[{pid}]: {queue}: message-id=<{rng.getrandbits(48)}@example.org>"
        elif roll < 0.56:
            yield (f"{time} mx1 postfix/qmgr[2211]: {queue}: from=<news@example.org>, "
                   f"size={rng.randrange(900, 90_000)}, nrcpt=1 (queue active)")
        elif roll < 0.63:
            yield f"{time} mx1 postfix/qmgr[2211]: {queue}: removed"
        elif roll < 0.70:
            yield (f"{time} mx1 postfix/smtpd[{pid}]: disconnect from unknown[{ip}] "
                   "ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")
        elif roll < 0.90:
            domain = rng.choice(OTHER_DOMAINS + ["gmail.com", "outlook.com", "yahoo.com"])
            yield (f"{time} mx1 postfix/smtp[{pid}]: {queue}: to=<{user}@{domain}>, relay=mx.{domain}[{ip}]:25, "
                   f"delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK {rng.randrange(10**6)})")
        elif roll < 0.97:
            domains, relay, reply = rng.choice(problems)
            domain = rng.choice(domains)
            relay = relay or f"mx.{domain}"
            status = "deferred" if reply[0] == "4" else "bounced"
            enhanced = re.match(r"^[0-9]{3}[ -]([245]\.[0-9]{1,3}\.[0-9]{1,3})\b", reply)
            dsn = enhanced.group(1) if enhanced else f"{reply[0]}.0.0"
            yield (f"{time} mx1 postfix/smtp[{pid}]: {queue}: to=<{user}@{domain}>, relay={relay}[{ip}]:25, "
                   f"delay=2.1, delays=0.1/0/0.5/1.5, dsn={dsn}, status={status} "
                   f"(host {relay}[{ip}] said: {reply} (in reply to RCPT TO command))")
        else:
            _, _, reply = rng.choice(problems)
            yield (f"{time} mx1 postfix/smtpd[{pid}]: NOQUEUE: reject: RCPT from unknown[{ip}]: {reply}; "
                   f"from=<spam@example.net> to=<{user}@example.org> proto=ESMTP helo=<example.net>")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("-o", "--output", required=True, help="the log to write; a name ending in .gz is compressed")
    arguments = parser.parse_args()
    opener = gzip.open if arguments.output.endswith(".gz") else open
    with opener(arguments.output, "wt", encoding="utf-8", newline="\n") as out:
        for line in lines(arguments.lines, arguments.seed):
            out.write(line + "\n")


if __name__ == "__main__":
    main()
