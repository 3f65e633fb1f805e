"""Finding articles: any case, any diacritics on request, exact matches first, kept in step."""
from app.cli import main
from app.importing import import_paths

TEXTS = {
    "a.txt": "Bệnh viện ở Hà Nội\nBệnh nhân được chuyển về Hà Nội điều trị.",
    "b.txt": "Tin vắn\nĐoàn công tác tới HÀ NỘI hôm qua.",
    "c.txt": "Ha Noi without marks\nA page typed without diacritics: ha noi.",
    "d.txt": "Đà Nẵng\nĐường Đống Đa ngập nước.",
    "e.txt": "Hải Phòng\nKhông có gì liên quan.",
}


def _store_with(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    import_paths(store, [folder])
    return {store.article_rows([i])[i].uid: i for i in store.article_ids()}


def test_search_ignores_case_and_diacritics_and_ranks_exact_first(store, tmp_path):
    ids = _store_with(store, tmp_path)
    found = store.article_ids(search="Hà Nội")
    # exact diacritics (any case) first, in workspace order, then the unmarked page
    assert found == [ids["a"], ids["b"], ids["c"]]
    assert store.article_ids(search="ha noi") == [ids["c"], ids["a"], ids["b"]]
    assert store.article_ids(search="Hà Nội", ignore_diacritics=False) == [ids["a"], ids["b"]]


def test_d_with_stroke_matches_d(store, tmp_path):
    ids = _store_with(store, tmp_path)
    assert store.article_ids(search="dong da") == [ids["d"]]
    assert store.article_ids(search="đường") == [ids["d"]]
    assert store.article_ids(search="duong") == [ids["d"]]


def test_words_are_a_phrase_and_the_last_one_a_prefix(store, tmp_path):
    ids = _store_with(store, tmp_path)
    assert store.article_ids(search="Hà N") == [ids["a"], ids["b"], ids["c"]]
    assert store.article_ids(search="Nội Hà") == []  # words in this order only
    assert store.article_ids(search="  ,  ") == []  # nothing searchable typed
    assert store.article_ids(search='"; DROP') == []  # query syntax is never passed through


def test_index_follows_title_edits_and_pending_filter(store, tmp_path):
    ids = _store_with(store, tmp_path)
    store.update_article(ids["e"], title="Hội nghị ở Cần Thơ")
    assert store.article_ids(search="can tho") == [ids["e"]]
    store.update_article(ids["e"], title="Hội nghị ở Vĩnh Long")
    assert store.article_ids(search="can tho") == []
    assert store.article_ids(search="vinh long") == [ids["e"]]
    assert store.article_ids(search="ha noi", pending_only=True) == []  # nothing extracted: none pending


def test_command_line_search(store, tmp_path, capsys, db_path):
    ids = _store_with(store, tmp_path)
    store.close()
    assert main(["--db", str(db_path), "articles", "--search", "ha noi"]) == 0
    out = capsys.readouterr().out.splitlines()[1:]
    assert [int(line.split()[0]) for line in out] == [ids["c"], ids["a"], ids["b"]]
    assert main(["--db", str(db_path), "articles", "--search", "Hà Nội", "--exact-diacritics"]) == 0
    out = capsys.readouterr().out.splitlines()[1:]
    assert [int(line.split()[0]) for line in out] == [ids["a"], ids["b"]]
