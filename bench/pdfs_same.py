"""Whether a refactoring changed what namndkoll reads from, or stores for, the restored PDFs:
sha256 per PDF of its extract JSON, figures, page tables, table passages, page texts and items
(``read``), and of every stored row on SQLite and PostgreSQL (``store``).

    # with each checkout on PYTHONPATH (a base copy: git archive BASE namndkoll | tar -x -C /tmp/base)
    PYTHONPATH=/tmp/base python bench/pdfs_same.py read --pickle bench/out/pdfs.pkl > before.jsonl
    PYTHONPATH=$PWD python bench/pdfs_same.py read > after.jsonl
    cmp before.jsonl after.jsonl
    # the stored rows, from one checkout's reading (PostgreSQL with the pgserver wheel)
    PYTHONPATH=/tmp/base python bench/pdfs_same.py store bench/out/pdfs.pkl --pg > before.txt
    PYTHONPATH=$PWD python bench/pdfs_same.py store bench/out/pdfs.pkl --pg > after.txt
    diff before.txt after.txt

The PDFs: the structure gold's dev PDFs (/work/gold-pdfs/dev), ../shared/data/pdf/**,
../shared/data/pdf-other/** and sample/. ``store`` writes each document and its extraction into
a fresh SQLite file (and a fresh PostgreSQL server) and hashes each table's rows in id order,
less the time columns (``*_at``).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("documents", "pages", "page_layout", "page_tables", "diarienummer", "items", "sections", "figures",
          "party_mentions", "people", "decisions", "decision_clauses", "votes", "roll_call", "positions",
          "position_parties", "entities")


def _h(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def pdfs() -> list[str]:
    shared = ROOT.parent / "shared" / "data"
    return (sorted(glob.glob("/work/gold-pdfs/dev/*.pdf")) + sorted(glob.glob(f"{shared}/pdf/**/*.pdf", recursive=True))
            + sorted(glob.glob(f"{shared}/pdf-other/**/*.pdf", recursive=True)) + sorted(glob.glob(f"{ROOT}/sample/*.pdf")))


def read(keep: str | None) -> None:
    from namndkoll.extract.pipeline import extract_file, extraction_json
    from namndkoll.search.chunking import table_chunks

    kept = []
    for p in pdfs():
        doc, ext = extract_file(p)
        j = extraction_json(doc, ext)
        kept.append((doc, ext))
        print(json.dumps({
            "pdf": os.path.basename(p), "json": _h(json.dumps(j, sort_keys=True, ensure_ascii=False)),
            "figures": _h(json.dumps(j["figures"], ensure_ascii=False)), "n_fig": len(j["figures"]),
            "tables": _h(repr([pg.tables for pg in doc.pages])), "table_passages": _h(repr(table_chunks(doc))),
            "pages": _h(repr([pg.text for pg in doc.pages])), "items": _h(repr(doc.items)),
        }), flush=True)
    if keep:
        Path(keep).write_bytes(pickle.dumps(kept))


def store(pickled: str, pg: bool) -> None:
    from namndkoll.corpus import open_store

    docs = pickle.loads(Path(pickled).read_bytes())
    dbs = [os.path.join(tempfile.mkdtemp(), "corpus.db")]
    srv: Any = None
    parent = ""
    if pg:
        import warnings

        import pgserver
        import psycopg

        parent = tempfile.mkdtemp(prefix="pdfs-same-pg-")
        os.chmod(parent, 0o755)  # the server may run as another user
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            srv = pgserver.get_server(os.path.join(parent, "data"), cleanup_mode="delete")
        with psycopg.connect(srv.get_uri(), autocommit=True) as c:
            c.execute("CREATE EXTENSION IF NOT EXISTS vector")
        dbs.append(srv.get_uri())
    for db in dbs:
        st = open_store(db, write=True)
        for doc, ext in docs:
            with st.transaction():
                st.save_extraction(st.replace_document(doc), doc, ext)
        for t in TABLES:
            cur = st.conn.execute(f"SELECT * FROM {t} ORDER BY 1")
            names = [d[0] for d in cur.description]
            keep = [i for i, n in enumerate(names) if not n.endswith("_at")]
            rows = [tuple(bytes(r[i]) if isinstance(r[i], memoryview) else r[i] for i in keep)
                    for r in (list(x.values()) if isinstance(x, dict) else x for x in cur.fetchall())]
            print("postgresql" if db.startswith("postgresql") else "sqlite", t, len(rows), _h(repr(rows)))
        st.close()
    if srv is not None:
        import shutil

        srv.cleanup()
        shutil.rmtree(parent, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("read")
    r.add_argument("--pickle", help="also keep the documents and extractions here, for `store`")
    s = sub.add_parser("store")
    s.add_argument("pickled")
    s.add_argument("--pg", action="store_true", help="PostgreSQL too (the pgserver wheel)")
    a = ap.parse_args()
    if a.cmd == "read":
        read(a.pickle)
    else:
        store(a.pickled, a.pg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
