"""Arbitrary text to the extractor and normalisers, arbitrary bytes to the importer:
no exception but the documented import error, offsets always valid."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.extract import default_extractor
from facts.extract.dates import find_dates
from facts.extract.legal import find_legal
from facts.extract.numbers import parse_number
from facts.extract.numeric import find_money, find_percentages, find_quantities
from facts.importer import read_file
from facts.textio import BadInput

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])
ANY_TEXT = st.text(max_size=400)
DIGITS = st.text(alphabet="0123456789.,/-: %|tỷ đồngnămthángNgày", max_size=60)


@FAST
@given(ANY_TEXT)
def test_extractor_on_any_text(text):
    r = default_extractor().extract(text)
    for f in r.facts:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text
    for s, e in r.content:
        assert 0 <= s < e <= len(text)


@FAST
@given(st.one_of(ANY_TEXT, DIGITS), st.one_of(st.none(), st.integers(1900, 2100)))
def test_normalisers_on_any_text(text, year):
    for cands in (find_money(text), find_percentages(text), find_quantities(text),
                  find_dates(text, year), find_legal(text)):
        for c in cands:
            assert 0 <= c.start < c.end <= len(text)
            assert isinstance(c.value, str) and c.value
    parse_number(text)


@FAST
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
def test_importer_on_any_bytes(tmp_path_factory, data, suffix):
    p = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    p.write_bytes(data)
    try:
        articles = read_file(p)
    except BadInput:
        return
    for a in articles:
        text = getattr(a, "text", None)
        if text is None:
            continue
        assert "\r" not in text
        for f in a.facts:
            assert text[f.start:f.end] == f.text
