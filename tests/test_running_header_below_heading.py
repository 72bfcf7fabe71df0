"""A running header below a heading the layout put above it: Göteborg kommunfullmäktige
2023-10-12 (protokoll nr 9) prints "Kommunfullmäktige", then on a § item's continuation pages
its heading ("Propositionsordning", "Reservationer"), and only then "Protokoll nr 9" and
"Sammanträdesdatum: 2023-10-12". Those two lines stayed in the body, and the reservation of
M and KD was quoted as "Protokoll nr 9 Sammanträdesdatum: 2023-10-12 Ledamöterna från M och KD
reserverar sig …". Line heights as pdfplumber reads them from the real PDF (A4)."""

from __future__ import annotations

from namndkoll.ingest.layout import PageLines, split_margins

HEIGHT = 841.9
HEAD = [("Kommunfullmäktige", 42.4, 52.4)]
DATED = [("Protokoll nr 9", 69.4, 79.4), ("Sammanträdesdatum: 2023-10-12", 82.9, 92.9)]
LOWER = [("Protokoll nr 9", 96.4, 106.4), ("Sammanträdesdatum: 2023-10-12", 109.9, 119.9)]
PAGES = [
    HEAD + DATED + [("§ 9 Ärendenummer SLK-2023-00525", 96.4, 106.4), ("Hemställan om Skeppsbrogaraget", 123.4, 133.4),
                    ("Beslut", 150.4, 160.4), ("Enligt kommunstyrelsens förslag.", 163.9, 173.9)],
    HEAD + [("Propositionsordning", 69.4, 79.4)] + LOWER + [("Yrkande om återremiss ska prövas först.", 136.9, 146.9)],
    HEAD + [("Reservationer", 69.4, 79.4)] + LOWER + [
        ("Ledamöterna från M och KD reserverar sig mot beslutet till förmån för det egna yrkandet.", 136.9, 146.9)],
    HEAD + DATED + [("§ 10 Ärendenummer SLK-2021-01452", 96.4, 106.4), ("Enprocentregel för konstgestaltning", 123.4, 133.4),
                    ("Beslut", 150.4, 160.4), ("Enligt kommunstyrelsens förslag.", 163.9, 173.9)],
]


def _split(rows):
    pages = [PageLines([t for t, _, _ in p], [a for _, a, _ in p], [b for _, _, b in p], HEIGHT) for p in rows]
    return [([p.texts[i] for i in h], [p.texts[i] for i in b]) for p, (h, b, _f) in zip(pages, split_margins(pages))]


def test_the_header_below_a_continuation_heading_is_still_the_header():
    out = _split(PAGES)
    header = ["Kommunfullmäktige", "Protokoll nr 9", "Sammanträdesdatum: 2023-10-12"]
    assert [h for h, _ in out] == [header] * 4
    assert out[2][1] == ["Reservationer",
                         "Ledamöterna från M och KD reserverar sig mot beslutet till förmån för det egna yrkandet."]
    assert out[1][1][0] == "Propositionsordning"


def test_a_line_repeated_under_the_item_heading_is_no_header():
    """Every page starts with its § heading and then "Beslut": "Beslut" stays in the body (it is
    in no page's top stack of header lines), however often it stands near the top."""
    pages = [HEAD + [(f"§ {n} Ärende {n}", 69.4, 79.4), ("Beslut", 82.9, 92.9), (f"Text om ärende {n}.", 110.0, 120.0)]
             for n in range(1, 5)]
    out = _split(pages)
    assert all(h == ["Kommunfullmäktige"] and b[:2] == [f"§ {n} Ärende {n}", "Beslut"]
               for n, (h, b) in enumerate(out, 1))
