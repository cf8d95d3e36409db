#!/usr/bin/env bash
# Unpacks a release archive (scripts/make-dist.sh) into a temporary folder and runs
# `show`, `explain` and `triage` from there, from another working directory, with no
# SMTP_CODES_RESOURCES and no build folder in reach: what a user or a Spark executor does.
# Fails loudly on the first thing that is not as promised.
# Usage: scripts/check-dist.sh ARCHIVE
set -euo pipefail
archive=$(realpath "${1:?usage: check-dist.sh ARCHIVE}")
fail() { echo "check-dist.sh: FAILED: $*" >&2; exit 1; }

place=$(mktemp -d)
trap 'rm -rf "$place"' EXIT
tar -C "$place" -xzf "$archive"
name=$(basename "$archive" .tar.gz)
[ -d "$place/$name" ] || fail "the archive does not hold one folder named $name"
binary="$place/$name/bin/smtp-codes"
[ -x "$binary" ] || fail "no executable bin/smtp-codes"
# Static Swift runtime: nothing from the toolchain may be needed at run time.
if ldd "$binary" 2>/dev/null | grep -qiE 'swift|Foundation|not found'; then
  fail "the binary links the Swift runtime dynamically: $(ldd "$binary" | grep -iE 'swift|Foundation|not found')"
fi
command -v readelf >/dev/null || fail "readelf is missing (apt-get install binutils)"
# Static (Makefile): no program interpreter to load it. The default build is linked at a fixed
# address (EXEC); one built with PIE=1 is position-independent (DYN) with packed relocations.
readelf -l "$binary" | grep -q 'INTERP' && fail "the binary asks for a dynamic loader: it is not static"
if readelf -h "$binary" | grep -qE 'Type:[[:space:]]+DYN'; then
  readelf -d "$binary" | grep -q '(RELR)' || fail "the static PIE's relocations are not packed (DT_RELR)"
else
  readelf -h "$binary" | grep -qE 'Type:[[:space:]]+EXEC' || fail "the binary is neither an executable nor a PIE"
fi
readelf -S "$binary" | grep -q '\.symtab' && fail "the binary is not stripped"
for file in share/man/man1/smtp-codes.1 share/bash-completion/completions/smtp-codes \
  share/zsh/site-functions/_smtp-codes share/fish/vendor_completions.d/smtp-codes.fish share/smtp-codes/catalog \
  share/smtp-codes/catalog.snapshot; do
  [ -e "$place/$name/$file" ] || fail "$file is missing"
done

# Run it from elsewhere, through a symlink too, without any hint where its resources are.
mkdir "$place/elsewhere"
ln -s "$binary" "$place/elsewhere/smtp-codes"
cd "$place/elsewhere"
run() { env -u SMTP_CODES_RESOURCES XDG_CONFIG_HOME="$place/no-config" NO_COLOR=1 "$@"; }

version=$(run ./smtp-codes --version)
[[ $name == "smtp-codes-$version-linux-"* ]] || fail "archive name $name does not carry --version's $version"
run ./smtp-codes show 553 | grep -q '553' || fail "show 553"
run ./smtp-codes explain --json '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown' \
  | grep -q '"recipient_unknown"' || fail "explain"
printf '%s\n' 'May  1 00:01:02 mx1 postfix/smtp[4711]: 4F3A21C0: to=<bob@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.7]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.7] said: 550 5.1.1 The email account that you tried to reach does not exist. gsmtp (in reply to RCPT TO command))' \
  | gzip > mail.log.gz
run ./smtp-codes triage --json mail.log.gz | grep -q '"bounced" *: *1' || fail "triage --json of a gzip log"
run "$binary" explain --ndjson < <(zcat mail.log.gz) | grep -q '"outcome":"bounced"' || fail "explain --ndjson"
# The catalog snapshot matches the files as unpacked, so it is what is read: a catalog file
# garbled in place, with its size and time kept (the snapshot still matches it), goes unread.
catalog_file="$place/$name/share/smtp-codes/catalog/basic-5xx-b.json"
cp -p "$catalog_file" "$place/kept.json"
size=$(stat -c %s "$catalog_file")
head -c "$size" /dev/zero | tr '\0' 'x' > "$catalog_file"
touch -r "$place/kept.json" "$catalog_file"
run ./smtp-codes show 553 | grep -q 'Mailbox Name Invalid' \
  || fail "the catalog snapshot is not used as unpacked: show 553 read the JSON"
cp -p "$place/kept.json" "$catalog_file"
echo "check-dist.sh: $name runs from $place/elsewhere: show, explain, triage and explain --ndjson as promised, the catalog from its snapshot"
