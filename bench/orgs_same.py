"""Whether a refactoring of the organisation reader (``ingest/orgs.py``, ``ingest/org_table.py``)
changed what it reads: its public calls on every reachable document, one JSON line per call,
so two checkouts' answers can be compared byte for byte.

    # the documents bench/figures_same.py reads (once, any checkout)
    python bench/figures_same.py docs bench/out/fig-docs.pkl
    PYTHONPATH=/tmp/base python bench/orgs_same.py bench/out/fig-docs.pkl > before.jsonl
    PYTHONPATH=$PWD python bench/orgs_same.py bench/out/fig-docs.pkl > after.jsonl
    cmp before.jsonl after.jsonl

Each document is asked ``find_organisation`` with its first 15 lines as letterhead (its first
page's header and footer as running heads) under every combination of the three flags,
``kommuner_of_members``, ``named_bodies``, ``without_guests_employers`` and
``org_in_file_name`` for each organisation kind; every line goes through ``is_self_name`` and
``without_self_names``. ``read_metadata`` asks the same reader in its own way
(bench/metadata_same.py).
"""

from __future__ import annotations

import pickle
import sys
from itertools import product
from pathlib import Path

from same import emit


def answers(pickled: Path) -> int:
    from namndkoll.ingest import orgs

    try:  # the table's names live in org_table.py since the split; before it, in orgs.py
        from namndkoll.ingest import org_table as table
    except ImportError:
        table = orgs  # type: ignore[assignment]
    docs = pickle.loads(pickled.read_bytes())
    for name, doc in docs:
        lines = [ln.strip() for p in doc.pages for ln in p.text.splitlines() if ln.strip()]
        heads = [h for p in doc.pages[:3] for h in (p.header, p.footer) if h]
        text = "\n".join(lines)
        for kommun, joint, members in product((False, True), repeat=3):
            emit(name, "find_organisation", f"{kommun} {joint} {members}", orgs.find_organisation(
                lines[:15], lines[15:], header_lines=heads, kommun_body=kommun, joint_body=joint,
                members_boards=members))
        emit(name, "kommuner_of_members", "", sorted(orgs.kommuner_of_members(text)))
        emit(name, "named_bodies", "", sorted(table.named_bodies(text)))
        emit(name, "without_guests_employers", "", orgs.without_guests_employers(lines))
        for kind in (None, "kommun", "region", "kommunalforbund"):
            emit(name, "org_in_file_name", str(kind), table.org_in_file_name(doc.source, kind))
        for ln in lines:
            emit(name, "self_name", ln, (table.is_self_name(ln), table.without_self_names(ln)))
    return 0


if __name__ == "__main__":
    sys.exit(answers(Path(sys.argv[1])))
