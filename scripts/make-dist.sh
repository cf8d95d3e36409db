#!/usr/bin/env bash
# Packs a built smtp-codes binary into a relocatable release archive:
#   OUTDIR/smtp-codes-VERSION-linux-ARCH.tar.gz
# holding one folder, smtp-codes-VERSION-linux-ARCH/, laid out as `make install` lays out
# PREFIX (bin/smtp-codes, share/smtp-codes/ resources, man page, completions). The binary
# finds its resources as ../share/smtp-codes from its own real path (ResourceLocator), so
# the folder runs wherever it is unpacked: a home folder, a container, a Spark executor.
# Usage: scripts/make-dist.sh BINARY [OUTDIR]   (OUTDIR defaults to dist/)
set -euo pipefail
binary=${1:?usage: make-dist.sh BINARY [OUTDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
outdir=${2:-$root/dist}

version=$("$binary" --version)
[[ $version =~ ^[0-9A-Za-z._+-]+$ ]] || { echo "make-dist.sh: unexpected version '$version' from $binary --version" >&2; exit 1; }
name="smtp-codes-$version-linux-$(uname -m)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The same files, stripped the same way, as `make install`: one script decides what ships.
"$root/scripts/install-files.sh" --strip "$binary" "$stage/$name" >/dev/null
# Owner and times fixed (the last commit's time, as SOURCE_DATE_EPOCH would give) so that the
# same build packs to the same listing.
stamp=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
# The files get those times now, and the catalog snapshot is written again from them: it is
# used only while the catalog files and the binary keep the times it recorded, which are the
# times the archive unpacks with.
find "$stage/$name" -exec touch -h -d "@$stamp" {} +
env -u SMTP_CODES_RESOURCES "$stage/$name/bin/smtp-codes" --write-catalog-snapshot
# The man page and completions are part of the promise; fail rather than ship without them.
for file in share/man/man1/smtp-codes.1 share/bash-completion/completions/smtp-codes share/smtp-codes/catalog; do
  [ -e "$stage/$name/$file" ] || { echo "make-dist.sh: $file is missing from the archive" >&2; exit 1; }
done

mkdir -p "$outdir"
tar -C "$stage" --owner=0 --group=0 --numeric-owner --sort=name --mtime="@$stamp" -czf "$outdir/$name.tar.gz" "$name"
echo "$outdir/$name.tar.gz"
