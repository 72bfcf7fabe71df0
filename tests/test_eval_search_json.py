"""`namndkoll eval search QUESTIONS.json --json` on a question set without unanswerable
questions (walk75, ../shared/data/gold/search-pairs.json) printed
`"abstained_when_unanswerable": NaN`: no JSON (jq, JavaScript's JSON.parse and every strict
parser refuse it). A share of no questions is null."""

from __future__ import annotations

import json

from test_search import corpus  # noqa: F401 - the fixture


def test_a_share_of_no_questions_is_null_and_the_answer_is_json(corpus) -> None:  # noqa: F811
    from namndkoll.search.evaluation import evaluate

    conn, emb = corpus
    gold = {"doc": "kf-2023-01-26.pdf", "passage": "Vänsterpartiet reserverar sig mot beslutet. Förskolan behöver mindre barngrupper"}
    res = evaluate(conn, emb, [{"q": "Vänsterpartiet reserverar sig mot beslutet", **gold}], modes=("keyword",))
    assert res["keyword"]["abstained_when_unanswerable"] is None
    assert json.loads(json.dumps(res, allow_nan=False)) == res
