"""A fact's span moved by one word at either end (Shift+←/→, Ctrl+Shift+←/→)."""
import pytest

from facts.spans import move

TEXT = "Ngày 06/12/2024, ông Nguyễn Văn Hải cho biết hơn 8.900 cán bộ (20-NQ/TW) đã học."


def span(text, part):
    s = text.index(part)
    return s, s + len(part)


@pytest.mark.parametrize("part,edge,delta,expected", [
    ("Nguyễn Văn Hải", "end", 1, "Nguyễn Văn Hải cho"),
    ("Nguyễn Văn Hải", "end", -1, "Nguyễn Văn"),
    ("Nguyễn Văn Hải", "start", 1, "ông Nguyễn Văn Hải"),
    ("Nguyễn Văn Hải", "start", -1, "Văn Hải"),
    ("hơn 8.900", "end", 1, "hơn 8.900 cán"),  # a grouped number is one word
    ("hơn 8.900", "start", -1, "8.900"),
    ("Ngày", "end", 1, "Ngày 06/12/2024"),  # a date is one word
    ("cán bộ", "end", 1, "cán bộ (20-NQ/TW"),  # and so is a document number
])
def test_moves_by_one_word(part, edge, delta, expected):
    s, e = move(TEXT, *span(TEXT, part), edge, delta)
    assert TEXT[s:e] == expected


@pytest.mark.parametrize("part,edge,delta", [
    ("Ngày", "start", 1),  # nothing before the first word
    ("học", "end", 1),  # nor after the last
    ("Hải", "end", -1),  # a span keeps at least one word
    ("Hải", "start", -1),
])
def test_cannot_move_past_the_text_or_below_one_word(part, edge, delta):
    assert move(TEXT, *span(TEXT, part), edge, delta) is None
