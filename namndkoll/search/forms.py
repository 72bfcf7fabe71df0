"""A verb's other forms and the nouns it makes, for the keyword side (issue 11, twenty-third
session).

People ask in the past or the passive ("Vad beslutades …", "När antogs …", "infördes",
"avslogs", "ökade"); the records write the noun or the present ("beslut", "antagande",
"införande", "avslag", "ökning", "antar"), and the other way round. A word's stem is a prefix
of its own inflections only: "ökade" -> "ökad*" never finds "ökning", "antogs" -> "antog*"
never "antagande", "infördes" -> "införd*" never "införande", "avslogs" never "avslag". Here
such a word is read as the verb it is a form of (spaCy's lemma table, spacy-lookups-data), and
reaches the words of the corpus that are that verb's forms or its nouns:

- a form the lemma table takes to the verb ("antar", "antagen", "infört"), or to a word it
  takes to the verb ("antagandet" -> "antagande" -> "anta");
- the noun of a verb in -a made with -ning or -ing ("öka" -> "ökning", "upphandla" ->
  "upphandling"), with its endings;
- the noun a strong verb makes of its supine's stem ("avslå" / "avslagit" -> "avslag",
  "bidra" / "bidragit" -> "bidrag");
- the one who does it, in -are ("ersätta" -> "ersättare"), as such a noun reaches the verb
  (``terms.word_stems``).

Which question words: a past, passive or supine form of a verb ("ökade", "beslutades",
"antogs", "antog", "ökat", "antagit"), and the nouns in -ning and -ande ("ökning",
"antagande"); not a strong verb's noun, read back by its supine ("förslag" / "förslagit" is
"förslå", to suffice).
Not a present ("nämner") or a bare participle in -d/-t ("nämnd", "väst"), which are as often a
noun of another meaning (the committee, the garment), nor a noun the table reads as a verb
("mål" -> "måla", "klass" -> "klassa").

The forms are reached as prefixes (a compound of them too: "ökningstakt"), each one only where
every word the corpus holds under it is the verb's own or such a compound: "anta" would reach
"antal" (the number), so "antogs" reaches "antar", "antas", "antagande" … and not "anta*".

The word's own stem likewise (twenty-fourth session): where the table gives a participle or an
s-verb ("grundades" -> "grundad", "hålls" -> "hållas") the word is read as that verb's form, and
where its stem finds mostly other words than the verb's ("grund*": grundskola, grundläggande;
"håll*": hållbar), the word is searched by itself and its verb's forms (``own_prefixes``).
The verb's forms and nouns no such prefix reaches, a stranger standing under each, are searched
as whole words (twenty-fifth session, ``own_forms``: ``Term.whole``, the same on FTS5 and
PostgreSQL): "startade" reaches "start", "starten" (not startavgiften), "byggas" "bygget" and
"byggt", "grundades" "grundar"; the bare root's noun only where the verb's forms are not far
rarer ("grund" for "grundades" is mostly "på grund av"). An -ande noun's other forms are read
as the noun there ("mottagandet" -> "mottagande" -> "motta": not "mottag*", mottagningsgruppen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .terms import MIN_STEM, STOPWORDS, stem

__all__ = ["family_prefixes", "own_forms", "own_prefixes", "strangers", "verb_of"]

Lemma = Callable[[str], "str | None"]
Vocabulary = Callable[[str], list[tuple[str, int]]]
Counts = Callable[[list[str]], dict[str, int]]

# a verb's past, passive and supine endings ("ökade", "ökades", "ökat", "ökats", "byggde",
# "byggdes", "köpte", "antagit", "antogs", "ersatts"); not "-d", "-t" alone (a participle
# as often a noun: "nämnd", "väst", "start") nor the present ("-ar", "-er")
_PAST = ("ade", "ades", "de", "des", "te", "tes", "at", "ats", "it", "its", "ts", "s")
# the nouns a verb makes that the lemma table takes back to it ("antagande" -> "anta")
_DOING = ("ande", "ende")
_NING = ("ning", "ing")
# a noun's endings, for its forms that the table does not know ("ökningarna")
_NOUN_ENDINGS = ("", "en", "et", "ar", "er", "arna", "erna", "ens", "ets", "s", "ns", "r", "rna")
# a strong verb's participle beside its supine ("avslagen", "avslaget", "avslagna" / "avslagit")
_PARTICIPLE = ("na", "it", "its")
# a verb's present, past and passive as the table lists them: one of them taken to the
# infinitive says the infinitive is a verb's, not a noun's ("skola" is both; "måne" never)
_VERB_FORMS = ("r", "s", "de", "t", "des")
# what makes another word of a verb's root, not a compound ("genomförbar", "följaktligen")
_DERIVING = ("bar", "lig", "het", "skap", "aktig", "sam")
_VOWELS = "aeiouyåäö"
# a verb in -a's forms by its root alone ("fatt|ade", "grund|ar"), whatever the table says of them
_REGULAR = ("ar", "as", "ade", "ades", "at", "ats", "ad", "ande")
# the nouns a verb in -era is made of or makes, after its root ("kontroll|era", "reserv|ation")
_ERA_NOUNS = ("", "ation", "ering", "ans", "är", "antör")
OTHERS_SHARE = 0.1  # of a stem's passages, held by other words than the verb's (``own_prefixes``)
SCAN_FROM = 3  # the corpus's words under the shared letters are read from this many letters
MIN_SHARED = 2  # letters the question's word and its verb's forms share at least ("ök": "ökade", "ökning")


def _is_verb(inf: str, lemma: Lemma) -> bool:
    # an infinitive ends in -a, or is one of the short verbs in -å, -se ("avslå", "utse"); a
    # noun in -e ("styrelse", "ärende") has a plural in -r that the table takes to it too
    if len(inf) < 2 or not (inf[-1] in "aå" or (inf.endswith("se") and not inf.endswith("else"))):
        return False
    root = inf.removesuffix("a")
    forms = {inf + e for e in _VERB_FORMS} | {root + e for e in ("er", "de", "te", "s", "t")}
    forms.discard(root)
    return any(lemma(f) == inf for f in sorted(forms))


def verb_of(word: str, lemma: Lemma, nouns: bool = False) -> str | None:
    """The infinitive of the verb ``word`` is a past, passive or supine form of ("antogs" ->
    "anta", "ökade" -> "öka"), or that makes the noun ``word`` ("ökning" -> "öka", "antagande"
    -> "anta", "avslag" -> "avslå"); with ``nouns`` (a word's own stem checked, ``own_forms``),
    an -ande noun's other forms too ("mottagandet" -> "motta", "yttrandet" -> "yttra"); None
    for any other word."""
    if not word.isalpha() or len(word) < MIN_STEM:
        return None
    inf = lemma(word)
    if nouns and inf and inf != word and inf.endswith(_DOING) and word.startswith(inf):
        # an -ande noun's definite or plural ("yttrandet" -> "yttrande" -> "yttra"), as the noun
        verb = lemma(inf)
        return verb if verb and verb != inf and inf.startswith(verb[:-1]) and _is_verb(verb, lemma) else None
    if inf and not _is_verb(inf, lemma):
        # the table gives the participle ("grundades" -> "grundad", "reserverade" -> "reserverad")
        # or the s-verb ("hålls" -> "hållas", "fattades" -> "fattas"): its own lemma is the verb
        # ("grunda", "hålla"); not a noun's form the table takes to a verb's participle or root
        # ("nämndens" -> "nämnd" -> "nämna", "samrådet" -> "samråd" -> "samråda")
        verb = lemma(inf)
        root = verb.removesuffix("a") if verb else ""
        participle = inf.endswith(("d", "t")) and word in (inf + "e", inf + "es")
        s_verb = inf.endswith("as") and word.endswith("s") and word.startswith(inf[:-2])
        if verb and verb != inf and (participle or s_verb) and inf.startswith(root) and _is_verb(verb, lemma):
            return verb if word.endswith(_PAST) and word != root else None
    if inf and inf != word and inf[:MIN_SHARED] == word[:MIN_SHARED] and _is_verb(inf, lemma):
        root = inf.removesuffix("a")
        if word.endswith(_PAST) and word not in (root, root + "s"):
            return inf
        # a strong verb's past changes the root's vowel ("antog" / "anta", "avslog" / "avslå"),
        # and ends in no vowel (not the participle, an adjective: "utsatta" barn) nor in -r or
        # -n (a present, a noun's form); a noun the table reads as a verb adds no vowel ("nämnd")
        rest = word[len(_shared(word, inf)):]
        strong = any(c in _VOWELS for c in rest) and word[-1] not in "rn" + _VOWELS
        if word.endswith(_DOING) or strong:
            return inf
        return None
    base = inf or word
    for suf in _NING:
        root = base[: -len(suf)]
        if base.endswith(suf) and len(root) >= MIN_SHARED and base in _nouns(root + "a", lemma):
            return root + "a"
    # (not a strong verb's noun read back to the verb by its supine: "förslag" / "förslagit"
    # is "förslå", to suffice, as "avslag" / "avslagit" is "avslå")
    return None


def _nouns(verb: str, lemma: Lemma) -> set[str]:
    """The noun in -ning (after a root in -l or -r, -ing: "upphandling", "ändring") of a verb of
    the first conjugation, whose past is in -ade ("öka" / "ökade" -> "ökning"). Not the other
    conjugations' ("ersätta" / "ersatte": "ersättning" is a payment, "leda": "ledning" the
    management): their nouns in -ning have often left the verb's meaning. Any verb's noun in
    -else and -nad ("avsäga" -> "avsägelse", "kosta" -> "kostnad"). A verb in -era is
    made of a noun and makes others: its root ("kontroll", "rapport", "motion", "reserv") and
    the root's -ation, -ering, -ans, -är, -antör ("information", "reservering", "leverans",
    "motionär", "leverantör")."""
    root = verb[:-1]
    # any verb's noun in -else ("avsäga" -> "avsägelse", "förbereda" -> "förberedelse")
    made = {root + "else", root + "nad"} if verb.endswith("a") and len(root) >= MIN_STEM else set()
    if verb.endswith("era") and len(verb) > 3 + MIN_SHARED:
        base = verb[:-3]
        return made | {base + e for e in _ERA_NOUNS}
    if not verb.endswith("a") or len(root) < MIN_SHARED or lemma(root + "ade") != verb:
        return made
    # -ing after l or r as often as -ning ("upphandling", "ändring"; "betalning")
    return made | {root + "ning"} | ({root + "ing"} if root[-1] in "lr" else set())


def _family(word: str, verb: str, nouns: set[str], lemma: Lemma, bare: bool = True) -> bool:
    """Whether corpus word ``word`` is a form of ``verb`` or one of its ``nouns`` (``_nouns``,
    with their endings). With ``bare`` false, not by way of the verb's bare root, which the
    lemma table takes to the verb as its imperative ("grund" -> "grunda", so "grunden",
    "grunds" -> "grund" -> "grunda"): the noun of another meaning."""
    root = verb.removesuffix("a")
    seen = [word]
    first = lemma(word) if bare or word != root else None
    if first and first not in seen and (bare or first != root):
        seen.append(first)
        second = lemma(first)
        if second and second not in seen and (bare or second != root):
            seen.append(second)
    # one who does it ("ersätta" -> "ersättare", "ersättarna"), as the doer's noun reaches the
    # verb (terms.word_stems): "Vem ersatte …?" is answered "… ny ersättare …"
    doer = verb[:-1] + "are" if verb.endswith("a") else None
    if verb.endswith("a") and any(word == verb[:-1] + e for e in _REGULAR):
        return True  # "fattade", "fattat": the table takes them to the participle ("fattad") alone
    for w in seen:
        if w == verb or w == doer or (lemma(w) == verb and (bare or w != root)):
            return True
        if any(w == n + e for n in nouns for e in _NOUN_ENDINGS):
            return True
    # a strong verb's noun: its supine's stem ("avslag", "avslaget" beside "avslagit")
    heads = {word} | {word[: -len(e)] for e in (*_NOUN_ENDINGS, *_PARTICIPLE) if e and word.endswith(e)}
    return any(len(h) >= MIN_STEM and lemma(h + "it") == verb for h in heads)


def strangers(word: str, prefix: str, vocabulary: Vocabulary, counts: Counts, lemma: Lemma) -> list[str]:
    """The corpus words that ``prefix`` (the stem of ``word``) reaches and that are neither a form
    or noun of the verb ``word`` is a form of (``verb_of``) nor a compound of one: "grundades" ->
    "grund*" reaches grundskola, grundläggande; "hålls" -> "håll*" reaches hållbar, hållbarhet.
    [] where ``word`` is no verb's form.

    The verb's bare root ("grund", "svar", "start", which the table takes to "grunda", "svara",
    "starta" as their imperative) is its noun with that noun's forms, but no head of compounds
    of the verb: those are the noun's ("grundskola", "svarsfrekvens"), as often of another
    meaning; but a strong verb's noun its supine makes ("beslut" / "beslutit") heads its own."""
    return _reach(word, prefix, vocabulary, counts, lemma)[1]


def _reach(word: str, prefix: str, vocabulary: Vocabulary, counts: Counts, lemma: Lemma, share: float = 0.0
           ) -> tuple[list[str], list[str], dict[str, int]]:
    """The verb's forms and nouns under ``prefix``, the ``strangers`` there, and the passages
    holding each word under it; no strangers where the words that may be ones hold less than
    ``share`` of its passages (their compounds unread: a look-up of every split of each)."""
    verb = verb_of(word, lemma, nouns=True)
    if verb is None or len(prefix) < MIN_STEM or not word.startswith(prefix) or word == prefix:
        return [], [], {}
    root = verb.removesuffix("a")
    # (any verb's noun in -ning is its own here, "utredning", "ledning", though the keyword side
    # does not reach it from the verb: ``_nouns``)
    nouns = _nouns(verb, lemma) | {root + "ning", root + "ing"}
    held = {w: n for w, n in vocabulary(prefix) if w.isalpha()}
    fam = [w for w in held if _family(w, verb, nouns, lemma, bare=False)]
    # the bare root's own forms are the verb's noun ("svar", "svaret"; "start", "starten"; "grund",
    # "grunden"; "början"), its compounds another word ("svarsfrekvens", "startavgift", "grundskola")
    bare = {root + e for e in (*_NOUN_ENDINGS, "an")} if len(root) >= MIN_STEM else set()
    # a compound's head: a form or noun of the verb, in the corpus or not ("tävling|sbidrag")
    heads = {*fam, *nouns, verb}
    rests = {w: [w[len(f):] for f in heads if len(f) >= MIN_STEM and w.startswith(f)]
             for w in held if w not in fam and w not in bare}
    if sum(held[w] for w in rests) < share * sum(held.values()):
        return fam, [], held
    read = _words_after(rests, counts, lemma)
    return fam, [w for w in rests if w not in read], held


def own_prefixes(word: str, prefix: str, vocabulary: Vocabulary, counts: Counts, lemma: Lemma
                 ) -> tuple[str, ...] | None:
    """The prefixes ``word`` reaches its verb's forms and nouns by in place of ``prefix``, its
    stem, where that finds mostly other words: its ``strangers`` hold ``OTHERS_SHARE`` of its
    passages or more ("grundades" -> ("grundades", "grundas"), not "grund*": grundskola,
    grundläggande; "hålls" -> ("hålls", "hålla", "håller", "hållits"), not "håll*": hållbar).
    The word itself first, then each form or noun of the verb under the stem (shortest first)
    whose own words are mostly the verb's ("bygga*" beside the rare "byggaktörer"). None where
    the stem's words are the verb's but for a few the compound check cannot read ("beslut*" for
    "beslutades": "beslutsfattare", 3 of 1,520 passages), or ``word`` is no verb's form."""
    own = own_forms(word, prefix, vocabulary, counts, lemma)
    return own[0] if own else None


def own_forms(word: str, prefix: str, vocabulary: Vocabulary, counts: Counts, lemma: Lemma
              ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``own_prefixes`` and the words it leaves that are the verb's own, to be matched whole:
    its forms and nouns under the stem that no prefix of them reaches, a stranger standing under
    each ("startade": "start", "starten", beside startavgift under "start*"; "byggas": "bygge",
    "bygget", beside bygglovet). The verb's bare root's forms among them ("start",
    "skydd", "slutet") only where the verb's forms are held in the corpus at least a tenth as
    often (``NOUN_SHARE``): "grund" for "grundades" is mostly "på grund av"."""
    fam, others, held = _reach(word, prefix, vocabulary, counts, lemma, OTHERS_SHARE)
    if not others or sum(held[w] for w in others) < OTHERS_SHARE * sum(held.values()):
        return None
    # (the bare root's forms count against a prefix too: it reaches the root's compounds)
    strange = set(held) - set(fam)
    out = [word]
    for f in sorted(fam, key=lambda w: (len(w), w)):
        if len(f) < MIN_STEM or f.startswith(tuple(out)):
            continue
        under = [w for w in held if w.startswith(f)]
        if sum(held[w] for w in under if w in strange) < OTHERS_SHARE * sum(held[w] for w in under):
            out.append(f)
    verb = verb_of(word, lemma, nouns=True) or ""
    root = verb.removesuffix("a")
    # (not an -era verb's: "server" is no noun of "servera", its noun is the root less "-era")
    nouns = _bare_nouns(root, lemma) if len(root) >= MIN_STEM and not verb.endswith("era") else set()
    bare = [w for w in held if w in nouns]
    if sum(held[w] for w in bare) > max(sum(held[w] for w in fam), 1) / NOUN_SHARE:
        bare = []
    # (the root itself only as the bare noun above, and never an -era verb's, "server" of
    # "servera"; not a function word: "göra" for "göras" is in every tenth passage)
    whole = sorted(w for w in {*(f for f in fam if f != root), *bare}
                   if not w.startswith(tuple(out)) and w not in STOPWORDS)
    return tuple(out), tuple(whole)


NOUN_SHARE = 0.1  # the verb's forms against its bare root's, at least (``own_forms``)
_E_NOUN = ("e", "et", "en", "ena", "ets", "es", "ens")  # a noun of the root in -e ("bygga" -> "bygge")


def _bare_nouns(root: str, lemma: Lemma) -> set[str]:
    """The forms of the nouns a verb's bare root makes: the root itself ("start", "starten",
    "skydd", "slutet", "början") and the root in -e where the lemma table knows it as a noun
    ("bygge": "bygget" -> "bygge"; not the name "Börje")."""
    e_noun = lemma(root + "et") == root + "e" or lemma(root + "en") == root + "e"
    return {root + e for e in (*_NOUN_ENDINGS, "an", *(_E_NOUN if e_noun else ()))}


def _words_after(rests: dict[str, list[str]], counts: Counts, lemma: Lemma) -> set[str]:
    """Those of the words (keys) for which one of what follows a compound's head (``rests``) is a
    word, or two words ("s|kampanj", "s|säkerhets|ansvar"): itself or its stem in the corpus, or
    known to the lemma table; a linking s before it or between the two left out. One look-up."""
    cands: dict[str, list[list[str]]] = {}
    for w, rs in rests.items():
        for r in {x for rest in rs for x in (rest, rest.removeprefix("s"))}:
            if len(r) < 3 or r.startswith(_DERIVING):
                continue
            cands.setdefault(w, []).append([r])
            for i in range(3, len(r) - 2):
                tail = r[i + 1:] if r[i] == "s" and len(r) - i > 3 else r[i:]
                cands[w].append([r[:i], tail])
    if not cands:
        return set()
    held = counts(sorted({x for cs in cands.values() for c in cs for p in c for x in (p, stem(p))}))
    return {w for w, cs in cands.items()
            if any(all(held.get(p) or held.get(stem(p)) or lemma(p) is not None for p in c) for c in cs)}


def _shared(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def family_prefixes(word: str, reached: Iterable[str], vocabulary: Vocabulary, counts: Counts,
                    lemma: Lemma) -> tuple[str, ...]:
    """Prefixes (besides those in ``reached``, the word's stem and other forms) by which ``word``
    reaches its verb's forms and nouns in the corpus (``vocabulary``: its words under a prefix,
    with their passages; ``counts``: the passages holding each of some words): "ökade" ->
    ("ökar", "ökning", …); () when ``word`` is no such verb form or noun (``verb_of``), or the
    corpus holds none of them but those ``reached`` finds."""
    verb = verb_of(word, lemma)
    if verb is None:
        return ()
    root = verb.removesuffix("a")
    start = _shared(_shared(word, verb), root) or _shared(word, verb)
    if len(start) < MIN_SHARED:
        return ()  # "valde" / "välja": the strong verbs' present stem (plan.present_stem)
    have = tuple(r for r in reached if len(r) >= MIN_STEM)
    # the corpus's words under the letters the word and its verb share; under two letters
    # ("ök" for "ökade" / "öka" / "ökning") only those under the verb and its noun, which a
    # large corpus's every word starting "bo" or "ök" would make slow
    nouns = _nouns(verb, lemma)
    looked = [start] if len(start) >= SCAN_FROM else sorted({verb, *nouns})
    if verb.endswith("era") and len(verb) - 3 >= MIN_STEM and not verb[:-3].startswith(tuple(looked)):
        looked.append(verb[:-3])  # its nouns ("legitimation" beside "legitimera")
    words = {w: n for p in looked for w, n in vocabulary(p) if w.isalpha()}
    # a word in -ande is the verb's noun where the corpus writes it as one, "antagandet",
    # "genomföranden"; else it is the participle an adjective is made of ("följande", "ökande")
    fam = sorted((w for w in words if _family(w, verb, nouns, lemma, bare=False)
                  and (not w.endswith(_DOING) or w + "t" in words or w + "n" in words)),
                 key=lambda w: (len(w), w))
    out: list[str] = []
    for f in fam:
        if f.startswith(have) or any(f.startswith(p) for p in out):
            continue
        if len(f) < MIN_STEM:
            continue  # "öka": a prefix that short is the word alone, and its forms are longer
        other = [w for w in words if w.startswith(f) and w not in fam]
        if _compounds_of(other, f, counts, lemma):
            out.append(f)
    return tuple(out)


def _compounds_of(words: list[str], head: str, counts: Counts, lemma: Lemma) -> bool:
    """Whether every one of ``words`` is a compound whose first part is ``head``
    ("ökningstakt", "antagandebeslut"): what follows it, a linking s left out, is a word of its
    own, one the corpus holds (itself or its stem) or the lemma table knows."""
    rests = {}
    for w in words:
        rest = w[len(head):]
        rest = rest[1:] if rest.startswith("s") and len(rest) > 1 else rest
        if len(rest) < 3 or rest.startswith(_DERIVING):
            return False
        rests[w] = rest
    if not rests:
        return True
    held = counts(sorted({f for r in rests.values() for f in (r, stem(r))}))
    return all(held.get(r) or held.get(stem(r)) or lemma(r) is not None for r in rests.values())
