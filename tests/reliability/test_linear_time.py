"""Reading and extraction in time linear in their input (see scenarios_time.py): news
eight times longer takes about eight times as long, and no crafted input takes minutes."""
import pytest

from . import scenarios_time
from .scenarios import Outcome


def test_extraction_time_grows_like_the_text():
    small, large = scenarios_time.size_seconds()
    assert large / small <= scenarios_time.MAX_RATIO, (
        f"{scenarios_time.SMALL // 1024} K characters of news took {small:.2f} s, "
        f"{scenarios_time.LARGE // 1024} K took {large:.2f} s: ×{large / small:.1f}")


@pytest.mark.timeout(scenarios_time.CHILD_SECONDS + 60)
@pytest.mark.parametrize("name", list(scenarios_time.CRAFTED))
def test_crafted_input_is_read_and_extracted_in_seconds(tmp_path, name):
    seconds = scenarios_time.crafted_seconds(tmp_path, name)
    assert seconds is not None, f"stopped after {scenarios_time.CHILD_SECONDS} s"
    assert seconds < scenarios_time.CRAFTED_SECONDS, f"{seconds:.1f} s"


def test_linear_time_counts_each_check(tmp_path, monkeypatch):
    def crafted(_folder, name):
        if name == "broken":
            raise RuntimeError("the child failed")
        return {"fast": 0.5, "slow": 11.0, "stuck": None}[name]

    monkeypatch.setattr(scenarios_time, "size_seconds", lambda: (0.1, 0.8))
    monkeypatch.setattr(scenarios_time, "CRAFTED", dict.fromkeys(["fast", "slow", "stuck", "broken"]))
    monkeypatch.setattr(scenarios_time, "crafted_seconds", crafted)
    out = scenarios_time.linear_time(tmp_path)
    assert isinstance(out, Outcome) and (out.tried, out.held) == (5, 2) and not out.ok
    assert out.notes[1:] == ["fast: 0.50 s (allowed 10 s)", "slow: 11.00 s (allowed 10 s)",
                             "stuck: stopped after 120 s",
                             "broken: raised RuntimeError: the child failed"]
    assert out.notes[0].startswith("news: 64 K characters 0.10 s, 512 K 0.80 s, ×8.0")


def test_importing_an_article_with_its_facts_grows_like_the_text(tmp_path):
    """Each fact's offsets are carried over to the stored text (\\r\\n, NFC): once per
    article, not once per fact over the text before it (256 K took 8 s, 50 MB days)."""
    import json
    import time

    from facts.importer import read_file

    def seconds(n: int) -> float:
        line = "Bộ Y tế chi 3 tỷ đồng cho Hà Nội.\r\n"
        text = line * (n // len(line))
        facts = [{"kind": "money", "start": i * len(line) + 12, "end": i * len(line) + 21,
                  "text": "3 tỷ đồng", "value": "3000000000", "currency": "VND"}
                 for i in range(n // len(line))]
        f = tmp_path / f"a{n}.json"
        f.write_text(json.dumps({"id": str(n), "text": text, "facts": facts}, ensure_ascii=False),
                     encoding="utf-8")
        t0 = time.perf_counter()
        [art] = read_file(f)
        took = time.perf_counter() - t0
        assert len(art.facts) == len(facts) and art.text[art.facts[-1].start:art.facts[-1].end] == "3 tỷ đồng"
        return took

    small = min(seconds(32 * 1024) for _ in range(2))
    large = seconds(256 * 1024)
    assert large / small <= 12, f"32 K: {small:.2f} s, 256 K: {large:.2f} s"
