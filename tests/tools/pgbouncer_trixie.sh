#!/usr/bin/env bash
# PgBouncer >= 1.21 for tests/test_pgbouncer.py's prepared-statement test: Debian bookworm has 1.18,
# which cannot keep prepared statements. Fetches trixie's pgbouncer and the libraries it needs
# (its own libc among them: bookworm's 2.36 is older than it needs) from the Debian registry into
# DIR, unpacked there, nothing installed system-wide, and writes DIR/pgbouncer, which runs it with
# those libraries. Then: NAMNDKOLL_PGBOUNCER=DIR/pgbouncer make test. x86-64 Debian/Ubuntu, root.
#
# usage: tests/tools/pgbouncer_trixie.sh [DIR]   (default /opt/pgbouncer-trixie)
set -euo pipefail
DIR=$(mkdir -p "${1:-/opt/pgbouncer-trixie}" && cd "${1:-/opt/pgbouncer-trixie}" && pwd)
mkdir -p "$DIR/apt/lists/partial" "$DIR/debs/partial" "$DIR/root"
echo "deb http://deb.debian.org/debian trixie main" > "$DIR/apt/sources.list"
opts=(-o "Dir::Etc::SourceList=$DIR/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$DIR/apt/lists" -o "Dir::Cache::Archives=$DIR/debs" -o APT::Sandbox::User=root)
apt-get "${opts[@]}" update -qq
cd "$DIR/debs"
apt-get "${opts[@]}" download -qq pgbouncer libc6 libcares2 libevent-2.1-7t64 libpam0g libssl3t64 libsystemd0 \
  libcap2 libgcrypt20 liblz4-1 liblzma5 libzstd1 libgpg-error0 libaudit1 libcap-ng0
for deb in ./*.deb; do dpkg-deb -x "$deb" "$DIR/root"; done
cat > "$DIR/pgbouncer" <<'WRAP'
#!/bin/sh
D=$(dirname "$(readlink -f "$0")")/root
L=$D/usr/lib/x86_64-linux-gnu
exec "$L/ld-linux-x86-64.so.2" --library-path "$L" "$D/usr/sbin/pgbouncer" "$@"
WRAP
chmod -R a+rX "$DIR"
chmod 755 "$DIR/pgbouncer"
"$DIR/pgbouncer" --version | head -1
