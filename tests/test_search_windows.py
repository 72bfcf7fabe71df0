"""Sentence windows of a passage (search/windows.py): what the dense side embeds besides the
passage, so that the one sentence that answers is not diluted by the sentences around it."""

from namndkoll.search.windows import MIN_TAIL, WINDOW_CHARS, windows

# a § of a protocol as the chunker stores it: line breaks inside sentences, a list of points
BESLUT = (
    "Kommunstyrelsen föreslår kommunfullmäktige att godkänna förslaget till ny taxa för\n"
    "bygglov. Förslaget har remitterats till byggnadsnämnden, som tillstyrker det.\n\n"
    "Yrkanden\n"
    "Anna Berg (S) yrkar bifall till kommunstyrelsens förslag. Per Ek (M) yrkar avslag på\n"
    "förslaget och att ärendet återremitteras för en ny konsekvensanalys av avgifterna för\n"
    "småhusägare och företag.\n\n"
    "Beslut\n"
    "Kommunfullmäktige beslutar\n"
    "• att anta taxan för bygglov enligt bilaga 1,\n"
    "• att taxan gäller från och med den 1 januari 2027.\n"
    "Maja Bentzer (V) utses till ny ersättare i valnämnden efter Lars Holm (V) som har\n"
    "avsagt sig sitt uppdrag."
)


def test_a_short_passage_is_its_own_window():
    text = "Maja Bentzer (V) utses till ny ersättare i valnämnden."
    assert windows(text) == [(0, len(text))]


def test_windows_keep_every_sentence_whole_and_in_order():
    spans = windows(BESLUT)
    assert len(spans) > 1
    assert all(b - a <= WINDOW_CHARS + MIN_TAIL for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    texts = [BESLUT[a:b] for a, b in spans]
    # the sentence that answers "Vem blev ny ersättare för Vänsterpartiet?" stands whole in one window
    answer = "Maja Bentzer (V) utses till ny ersättare i valnämnden efter Lars Holm (V) som har\navsagt sig sitt uppdrag."
    assert sum(answer in t for t in texts) == 1
    # nothing is lost: every word of the passage is in a window
    assert " ".join(" ".join(t.split()) for t in texts).split() == BESLUT.split()


def test_a_list_item_starts_a_sentence():
    spans = windows(BESLUT)
    texts = [BESLUT[a:b] for a, b in spans]
    # "• att anta taxan …" has no full stop before it; the window does not cut inside a point
    assert all(t.count("• att anta taxan för bygglov enligt bilaga 1,") <= 1 for t in texts)
    assert any("• att taxan gäller från och med den 1 januari 2027." in t for t in texts)


def test_a_sentence_longer_than_a_window_is_cut_at_spaces():
    names = ", ".join(f"Ledamot{i} Efternamn{i} (S)" for i in range(40)) + "."
    spans = windows(names)
    assert len(spans) > 1
    assert all(b - a <= WINDOW_CHARS + MIN_TAIL for a, b in spans)
    for a, b in spans:  # no word is split
        assert names[a:b] == names[a:b].strip()
        assert a == 0 or names[a - 1] == " "
