#!/usr/bin/env python3
"""A served corpus's searches through PgBouncer in transaction mode beside direct connections,
side by side in one run: what the pooler's hop costs, and what PgBouncer >= 1.21's own prepared
statements (``max_prepared_statements``) give back.

Three variants, alternating (the order reversed every round, so that a loaded machine's drift
falls on all of them):

* ``direct``: connections straight to the server, statements prepared (namndkoll's default on a
  connection that is its own server session);
* ``pooled_prepared``: through a PgBouncer that keeps prepared statements
  (``max_prepared_statements``), with ``NAMNDKOLL_PG_PREPARE=on``;
* ``pooled_unprepared``: through a PgBouncer that does not (``max_prepared_statements = 0``,
  what 1.18 does), namndkoll preparing nothing there (its default behind a pooler it sees).

Each pooled variant has a PgBouncer of its own (``--pool`` server connections, transaction
mode) in front of bench/scale.py's bench server, so that its own CPU (the hop) is counted apart.
At 1 client (bench/scale.py's ``single``: the 49 questions, each as a filtered hybrid, an
unfiltered hybrid and a filtered dense search, connections kept as ``namndkoll serve`` keeps
them) and at each ``--clients`` N > 1 (bench/scale.py's ``concurrent``: N processes released at
once, ``--per-client`` filtered hybrid searches each, each process connecting anew): wall
p50/p95, the server's CPU per search (``/proc`` of the variant's server sessions: for a pooled
variant the server connections its PgBouncer lists, and those that ended, by the postmaster's
reaped children), PgBouncer's CPU per search, and from PgBouncer's ``SHOW STATS`` the
statements and transactions per search, the statements it had the server parse against those the
clients sent, and how long clients waited for a server connection. The top 10 of every
single-client search is compared with the direct variant's (a pooled search that answers
otherwise is a fault, not a speed), and a ``SELECT 1`` round trip is timed both ways.

The corpus: bench/scale.py's PostgreSQL corpus of ``--chunks`` passages (built in bench/out/pg
if it is not there yet; its build time is reported). PgBouncer: ``$NAMNDKOLL_PGBOUNCER`` or
``--pgbouncer`` (>= 1.21; tests/tools/pgbouncer_trixie.sh unpacks 1.24.1 into
/opt/pgbouncer-trixie).

usage: nice python bench/pg_pooler.py [--chunks 100000] [--clients 1 8 32] [--rounds 3]
           [--per-client 20] [--pool 8] [--max-prepared 200] [--variants direct pooled_prepared ...]
           [--sweep-pools 2 8 32 --clients 32] [--out bench/out/pg-pooler.json]
Writes bench/out/pg-pooler.json. 2026-12-02 (h-pool170): docs/scaling.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import scale  # bench/scale.py
import search as sqlite_bench  # bench/search.py

from namndkoll.corpus import opened
from namndkoll.search.hybrid import search

PGBOUNCER = os.environ.get("NAMNDKOLL_PGBOUNCER", "/opt/pgbouncer-trixie/pgbouncer")
# variant -> (its pooler: None = direct, else max_prepared_statements of its own, "keeps" / "plain"),
# $NAMNDKOLL_PG_PREPARE for its clients
VARIANTS: dict[str, tuple[str | None, str]] = {
    "direct": (None, "auto"),
    "pooled_prepared": ("keeps", "on"),
    "pooled_unprepared": ("plain", "off"),
}
CLK = os.sysconf("SC_CLK_TCK")


# ---- the poolers ------------------------------------------------------------------------------

class Pooler:
    """A PgBouncer in transaction mode in front of the bench server, its one database ``corpus``
    the bench server's ``postgres`` database with the corpus's schema on the search path (a
    pooler passes no ``options`` on: it is set on each server connection it makes)."""

    def __init__(self, binary: str, base: str, schema: str, pool: int, max_prepared: int) -> None:
        import psycopg

        info = psycopg.conninfo.conninfo_to_dict(base)
        self.folder = Path(tempfile.mkdtemp(prefix="namndkoll-bench-pgbouncer-"))
        self.folder.chmod(0o777)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        (self.folder / "users.txt").write_text('"postgres" ""\n')
        (self.folder / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"corpus = host={info['host']} port={info.get('port', 5432)} user={info.get('user', 'postgres')}"
            f" dbname={info.get('dbname', 'postgres')} connect_query='SET search_path TO {schema}, public'\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {self.folder}/users.txt\nadmin_users = postgres\n"
            f"pool_mode = transaction\ndefault_pool_size = {pool}\nmax_client_conn = 1000\n"
            f"max_prepared_statements = {max_prepared}\nserver_idle_timeout = 0\n"
            "ignore_startup_parameters = options,extra_float_digits\n"
            f"pidfile = {self.folder}/pgbouncer.pid\nlogfile = {self.folder}/pgbouncer.log\n")
        for f in self.folder.iterdir():
            f.chmod(0o644)
        cmd = [binary, str(self.folder / "pgbouncer.ini")]
        if os.getuid() == 0:  # pgbouncer will not run as root: as the server's user
            cmd = ["runuser", "-u", pwd.getpwuid(os.stat(info["host"]).st_uid).pw_name, "--", *cmd]
        # its log goes to the logfile: a pipe nobody reads fills (64 KB, ~440 lines) and then
        # PgBouncer blocks writing to it and answers no one (twice here, after ~20 minutes)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/corpus"
        end = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as conn:
                    conn.execute("SELECT 1")
                break
            except psycopg.OperationalError:
                if self.proc.poll() is not None or time.monotonic() > end:
                    log = (self.folder / "pgbouncer.log").read_text() if (self.folder / "pgbouncer.log").exists() else ""
                    raise SystemExit(f"PgBouncer did not start: {log[-2000:]}") from None
                time.sleep(0.2)
        self.pid = int((self.folder / "pgbouncer.pid").read_text().split()[0])

    def show(self, what: str) -> list[dict[str, Any]]:
        """``SHOW what`` on the admin console (simple query protocol only)."""
        import psycopg

        for attempt in range(3):
            try:
                conn = psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/pgbouncer", autocommit=True,
                                       connect_timeout=20)
                break
            except psycopg.OperationalError as exc:
                print(json.dumps({"admin_console": f"no answer ({exc}), attempt {attempt + 1}",
                                  "load": os.getloadavg()[0]}), file=sys.stderr, flush=True)
                if attempt == 2:
                    raise
        with conn:
            res = conn.pgconn.exec_(f"SHOW {what}".encode())
            names = [res.fname(i).decode() for i in range(res.nfields)]
            return [{n: (None if (v := res.get_value(r, i)) is None else v.decode()) for i, n in enumerate(names)}
                    for r in range(res.ntuples)]

    def server_pids(self) -> list[int]:
        return [int(r["remote_pid"]) for r in self.show("SERVERS") if r["database"] == "corpus" and r["remote_pid"]]

    def stats(self) -> dict[str, int]:
        row = next(r for r in self.show("STATS") if r["database"] == "corpus")
        return {k: int(v) for k, v in row.items() if k.startswith("total_")}

    def ticks(self) -> int:
        return _proc_ticks(self.pid) or 0

    def prepared_per_server(self) -> list[int]:
        return [int(r.get("prepared_statements") or 0) for r in self.show("SERVERS") if r["database"] == "corpus"]

    def close(self, keep_log: Path | None = None) -> None:
        self.proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(10)
        if keep_log is not None:
            with contextlib.suppress(OSError):
                shutil.copy(self.folder / "pgbouncer.log", keep_log)
        shutil.rmtree(self.folder, ignore_errors=True)


def _proc_ticks(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])


def _children_ticks() -> int:
    """CPU ticks of the bench server's ended processes (the postmaster's reaped children)."""
    pid = int((scale.OUT / "pg" / "postmaster.pid").read_text().split()[0])
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[13]) + int(fields[14])


# ---- one variant ----------------------------------------------------------------------------

class Variant:
    def __init__(self, name: str, base: str, corpus_url: str, pooler: Pooler | None, prepare: str | None = None) -> None:
        self.name, self.base, self.pooler = name, base, pooler
        self.prepare = prepare or VARIANTS[name][1]
        # kept connections (pg_pool) are kept per URL: each variant its own
        self.url = pooler.url if pooler else f"{corpus_url}&application_name=bench_{name}"

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        """Its $NAMNDKOLL_PG_PREPARE set (forked clients inherit it)."""
        old = os.environ.get("NAMNDKOLL_PG_PREPARE")
        os.environ["NAMNDKOLL_PG_PREPARE"] = self.prepare
        try:
            yield
        finally:
            if old is None:
                os.environ.pop("NAMNDKOLL_PG_PREPARE", None)
            else:
                os.environ["NAMNDKOLL_PG_PREPARE"] = old

    def _live(self) -> dict[int, int]:
        import psycopg

        if self.pooler is not None:
            pids = self.pooler.server_pids()
        else:
            with psycopg.connect(self.base, autocommit=True) as conn:
                pids = [int(p) for (p,) in conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (f"bench_{self.name}",))]
        return {p: t for p in pids if (t := _proc_ticks(p)) is not None}

    @contextlib.contextmanager
    def counted(self, out: dict[str, Any], searches: Any) -> Iterator[None]:
        """The server's CPU (its live sessions' ticks, plus those of sessions that ended meanwhile),
        PgBouncer's CPU and its statement counts over the block, per search (``searches()`` after)."""
        live0, reaped0 = self._live(), _children_ticks()
        hop0 = self.pooler.ticks() if self.pooler else 0
        st0 = self.pooler.stats() if self.pooler else {}
        yield
        time.sleep(1.0)  # ended sessions reaped
        live1, reaped1 = self._live(), _children_ticks()
        used = (reaped1 - reaped0) + sum(t - live0.get(p, 0) for p, t in live1.items()) \
            - sum(t for p, t in live0.items() if p not in live1)
        n = searches()
        out["server_cpu_ms_per_search"] = round(used / CLK * 1000 / n, 2)
        if self.pooler:
            out["pgbouncer_cpu_ms_per_search"] = round((self.pooler.ticks() - hop0) / CLK * 1000 / n, 3)
            st1 = self.pooler.stats()
            d = {k: st1[k] - st0.get(k, 0) for k in st1}
            out["statements_per_search"] = round(d.get("total_query_count", 0) / n, 1)
            out["transactions_per_search"] = round(d.get("total_xact_count", 0) / n, 1)
            if "total_server_parse_count" in d:
                out["client_parses_per_search"] = round(d["total_client_parse_count"] / n, 2)
                out["server_parses_per_search"] = round(d["total_server_parse_count"] / n, 2)
            out["wait_for_server_ms_per_search"] = round(d.get("total_wait_time", 0) / 1000 / n, 2)


def one_client(v: Variant, qs: list, qvecs: dict, model_id: str, dims: int) -> tuple[dict[str, Any], list]:
    """``scale.single``'s three searches per question on one kept store, wall p50/p95 and the
    top 10 of each (answers compared across variants)."""
    emb = sqlite_bench.Fixed(model_id, dims, qvecs)
    lat: dict[str, list[float]] = {"hybrid_filtered": [], "hybrid_unfiltered": [], "dense_filtered": []}
    tops: list = []
    out: dict[str, Any] = {}
    with v.active():
        with opened(v.url) as st:  # connected and warm (statements run more than 5 times: prepared)
            for q, m, y in qs[:6]:
                search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
                search(st, q, emb, limit=10)
        t_client = time.process_time()
        with v.counted(out, lambda: 3 * len(qs)), opened(v.url) as st:
            for q, m, y in qs:
                for kind, kw in (("hybrid_filtered", {"municipality": m, "year_from": y, "year_to": y + 3}),
                                 ("hybrid_unfiltered", {}),
                                 ("dense_filtered", {"municipality": m, "year_from": y, "year_to": y + 3,
                                                     "mode": "dense"})):
                    t = time.perf_counter()
                    res = search(st, q, emb, limit=10, **kw)
                    lat[kind].append(time.perf_counter() - t)
                    tops.append([h.chunk_id for h in res])
        out["client_cpu_ms_per_search"] = round((time.process_time() - t_client) * 1000 / (3 * len(qs)), 2)
    for kind, xs in lat.items():
        out[f"{kind}_p50_ms"] = scale.pct(xs, 50)
        out[f"{kind}_p95_ms"] = scale.pct(xs, 95)
    return out, tops


def crowd(v: Variant, clients: int, per_client: int, qs: list, qvecs: dict, model_id: str, dims: int) -> dict:
    out: dict[str, Any] = {}
    row: dict[str, Any] = {}
    with v.active(), v.counted(out, lambda: row["queries"]):
        row = scale.concurrent(v.url, clients, per_client, qs, qvecs, model_id, dims)
    return {**row, **out}


def round_trip(url: str, n: int = 400) -> dict[str, float]:
    """``SELECT 1``, ``n`` times on one connection: what one statement's hop costs."""
    import psycopg

    with psycopg.connect(url, autocommit=True, prepare_threshold=None) as conn:
        for _ in range(20):
            conn.execute("SELECT 1")
        lat = []
        for _ in range(n):
            t = time.perf_counter()
            conn.execute("SELECT 1").fetchone()
            lat.append(time.perf_counter() - t)
    return {"select1_p50_us": round(float(np.percentile(lat, 50)) * 1e6), "select1_p95_us":
            round(float(np.percentile(lat, 95)) * 1e6)}


def _median(rows: list[dict], key: str) -> float | None:
    vals = [r[key] for r in rows if r.get(key) is not None]
    return round(float(np.median(vals)), 2) if vals else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chunks", type=int, default=100_000)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--per-client", type=int, default=20, help="filtered hybrid searches per concurrent client")
    ap.add_argument("--pool", type=int, default=8, help="each PgBouncer's server connections (default_pool_size)")
    ap.add_argument("--max-prepared", type=int, default=200, help="max_prepared_statements of the pooler that keeps them")
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    ap.add_argument("--sweep-pools", type=int, nargs="+", default=None, metavar="N",
                    help="instead of the variants: a PgBouncer that keeps prepared statements with N server "
                         "connections, for each N (variants pool_N, NAMNDKOLL_PG_PREPARE=on), side by side")
    ap.add_argument("--pgbouncer", default=PGBOUNCER)
    ap.add_argument("--source", type=Path, default=scale.OUT / "search-eval-default-pdf.db")
    ap.add_argument("--out", type=Path, default=scale.OUT / "pg-pooler.json")
    args = ap.parse_args()

    base = scale.server_url()
    texts, vecs, model_id, _ = sqlite_bench.real_chunks(args.source)
    schema = f"scale_{args.chunks}"
    url = scale.schema_url(base, schema)
    t0 = time.time()
    built = scale.build_pg(url, args.chunks, texts, vecs, model_id, None)
    built["seconds"] = round(time.time() - t0, 1)
    version = subprocess.run([args.pgbouncer, "--version"], capture_output=True, text=True, check=True).stdout
    print(json.dumps({"chunks": args.chunks, "build": built, "pgbouncer": version.splitlines()[0],
                      "pool": args.pool, "max_prepared_statements": args.max_prepared}), flush=True)
    qs, qvecs = scale.queries()
    dims = vecs.shape[1]
    poolers: dict[str, Pooler] = {}
    try:
        variants: dict[str, Variant] = {}
        for size in args.sweep_pools or []:
            poolers[f"pool_{size}"] = Pooler(args.pgbouncer, base, schema, size, args.max_prepared)
            variants[f"pool_{size}"] = Variant(f"pool_{size}", base, url, poolers[f"pool_{size}"], "on")
        for name in [] if args.sweep_pools else args.variants:
            kind = VARIANTS[name][0]
            if kind is not None and kind not in poolers:
                poolers[kind] = Pooler(args.pgbouncer, base, schema, args.pool,
                                       args.max_prepared if kind == "keeps" else 0)
            variants[name] = Variant(name, base, url, poolers.get(kind or ""))
        rows: dict[str, dict[int, list[dict]]] = {n: {c: [] for c in args.clients} for n in variants}
        tops: dict[str, list] = {}
        differ: dict[str, list[int]] = {n: [] for n in variants}
        names = list(variants)
        trips: dict[str, list[dict]] = {n: [] for n in variants}
        for r in range(args.rounds):
            for name in (names if r % 2 == 0 else names[::-1]):
                trips[name].append(round_trip(variants[name].url if variants[name].pooler else url))
            print(json.dumps({"round": r, "round_trip": {n: t[-1] for n, t in trips.items()}}), flush=True)
            for c in args.clients:
                for name in (names if r % 2 == 0 else names[::-1]):
                    v = variants[name]
                    if c == 1:
                        row, top = one_client(v, qs, qvecs, model_id, dims)
                        tops.setdefault(name, top)
                        ref = tops.get("direct", tops[names[0]])
                        row["top10_differ"] = sum(a != b for a, b in zip(top, ref))
                        differ[name].append(row["top10_differ"])
                    else:
                        row = crowd(v, c, args.per_client, qs, qvecs, model_id, dims)
                    rows[name][c].append(row)
                    print(json.dumps({"round": r, "clients": c, "variant": name, **row,
                                      "load": round(os.getloadavg()[0], 1)}), flush=True)
        prepared = {k: p.prepared_per_server() for k, p in poolers.items()}
        hop = {n: {k: _median(t, k) for k in ("select1_p50_us", "select1_p95_us")} for n, t in trips.items()}
    finally:
        for kind, p in poolers.items():
            p.close(args.out.with_name(f"{args.out.stem}-pgbouncer-{kind}.log"))
    keys = ("p50_ms", "p95_ms", "queries_per_s", "server_cpu_ms_per_search", "client_cpu_ms_per_search",
            "pgbouncer_cpu_ms_per_search", "statements_per_search", "transactions_per_search",
            "client_parses_per_search", "server_parses_per_search", "wait_for_server_ms_per_search",
            "hybrid_filtered_p50_ms", "hybrid_filtered_p95_ms", "hybrid_unfiltered_p50_ms",
            "hybrid_unfiltered_p95_ms", "dense_filtered_p50_ms", "dense_filtered_p95_ms", "top10_differ")
    median = {n: {str(c): {k: m for k in keys if (m := _median(rs, k)) is not None} for c, rs in by_c.items()}
              for n, by_c in rows.items()}
    report = {"chunks": args.chunks, "build": built, "pgbouncer": version.splitlines()[0], "pool": args.pool,
              "max_prepared_statements": args.max_prepared, "rounds": args.rounds, "per_client": args.per_client,
              "round_trip": hop, "prepared_per_server_connection": prepared, "top10_differ": differ,
              "median": median, "by_round": rows}
    args.out.write_text(json.dumps(report, indent=2))
    print(json.dumps({"median": median, "round_trip": hop, "prepared_per_server_connection": prepared,
                      "top10_differ": differ}, indent=2))


if __name__ == "__main__":
    main()
