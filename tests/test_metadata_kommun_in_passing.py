"""A kommun body's extract that names its kommun only in passing (dev177: Alingsås KF 2026-05-06
§ 92, "ett generellt problem i Alingsås" and "alingsåspolitiken"; KSAU 2026-05-20 § 72,
"Alingsås stadsplan" and the kommun's company "Alingsåshem") was stored without a municipality,
though a reader of such an extract answers Alingsås: a paper of kommunfullmäktige or
kommunstyrelsen belongs to one kommun, and the one kommun it names is that kommun. Named once
only, or beside another kommun, it stays unknown. Lines from the two extracts."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read

KF = ["Kommunfullmäktige", "Protokoll", "2026-05-06",
      "§ 92 2025.511 KS",
      "Svar på motion gällande rätt till valmöjlighet i värdig vård",
      "Ärendebeskrivning",
      "Motionärerna föreslår att kommunens nämnder säkerställer att varje vårdtagare ges möjlighet",
      "att aktivt välja om de accepterar omsorg av intim karaktär.",
      "Beslut",
      "Motionen anses besvarad."]
NOTE = ["Anteckning",
        "Förvaltningens bedömning är dock att detta inte beskrivs som ett generellt problem i Alingsås.",
        "Vi inser med besvikelse att det här förhållningssättet verkar vara ett unikum i alingsåspolitiken."]
KSAU = ["Kommunstyrelsens", "arbetsutskott", "Protokoll", "2026-05-20",
        "§ 72 2025.493 KS",
        "Svar på motion gällande att utreda möjligheten till fler bostäder genom inredning av vindar",
        "Beredning",
        "Kommunledningskontoret är positiv till ytterligare vindsinredning och ett ökat bostadsbestånd,",
        "men en inventering av Alingsåshems fastigheter riskerar att bli för övergripande.",
        "Anteckning",
        "Socialdemokraterna vill framhålla att vi är positiva till förtätning som ligger i linje med",
        "såväl översiktsplanen som Alingsås stadsplan.",
        "Vår uppfattning är att Alingsåshem redan idag arbetar proaktivt med att skapa bostäder."]


def test_a_kommun_bodys_extract_naming_its_kommun_in_passing_is_that_kommuns(tmp_path: Path) -> None:
    md = _read(tmp_path, [KF + NOTE])
    assert (md.municipality, md.org_kind, md.committee) == ("Alingsås", "kommun", "Kommunfullmäktige")
    md = _read(tmp_path, [KSAU])
    assert (md.municipality, md.org_kind) == ("Alingsås", "kommun")


def test_one_passing_mention_or_two_kommuner_say_nothing(tmp_path: Path) -> None:
    assert _read(tmp_path, [KF + NOTE[:2]]).municipality is None
    other = NOTE + ["Frågan har även behandlats i Lerum och i Lerums närområde."]
    assert _read(tmp_path, [KF + other]).municipality is None
