"""The command line in Vietnamese and English (app/messages.py, resources/i18n/cli_vi.po), with the
messages the layers below it make (facts/i18n.py: import errors, workspace errors, the tables)."""
import argparse
import gettext
import importlib.util
import os
import re
import string
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from app import messages
from app.cli import main
from tests.conftest import GOLD, ROOT, SEEDS

LOCALE_VARS = ("FACT_REVIEW_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _catalogue_tool():
    spec = importlib.util.spec_from_file_location("update_cli_catalogue",
                                                  ROOT / "scripts" / "update_cli_catalogue.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(autouse=True)
def no_language_in_environment(monkeypatch):
    """Each test says its language: none comes from whoever runs the tests."""
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    yield
    messages.use("en")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workspace(capsys, db_path, seed_dir):
    code, _, _ = run(capsys, "--db", str(db_path), "import", str(seed_dir))
    assert code == 0
    return db_path


# -- the catalogue ------------------------------------------------------------------------------
def _fields(s: str) -> list:
    brace = sorted(name for _, name, _, _ in string.Formatter().parse(s) if name is not None)
    percent = sorted(re.findall(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[srdifg%]", s))
    return brace + percent


def test_every_marked_string_has_a_translation():
    tool = _catalogue_tool()
    marked = tool.extract()  # raises on _(f"…") or _(variable): a string no catalogue can hold
    assert len(marked) > 200
    po = tool.read_po()
    missing = [m for m in marked if m not in po or not po[m].translated]
    assert not missing, f"untranslated (run scripts/update_cli_catalogue.py and translate): {missing}"
    stale = [m for m in po if m and m not in marked]
    assert not stale, f"in cli_vi.po but no longer marked: {stale}"


def test_the_catalogue_covers_every_layer_below_the_window():
    """Every source of app/, db/ and facts/ is read for marked strings (the extractor's and the
    learner's too), and the messages of storage and the core are among them: a string marked
    there without a translation fails the test above."""
    tool = _catalogue_tool()
    read = {str(p.relative_to(ROOT)) for p in tool.SOURCES}
    for layer in ("app", "db", "facts"):
        assert {str(p.relative_to(ROOT)) for p in (ROOT / layer).rglob("*.py")} <= read, layer
    assert {"facts/extract/rules.py", "facts/learn/training.py", "db/writer.py"} <= read
    marked = tool.extract()
    where = {ref.split("/")[0] for e in marked.values() for ref in e.refs}
    assert {"app", "db", "facts"} <= where
    for msgid in ("line {n}", "the file is empty", "{path} is damaged: {reason}",
                  "Review sessions (a pause of over 30 minutes starts a new one):",
                  "{title}: confidence of the predicted facts against the share that match gold",
                  "“{typed}” is not a number: write 8.900 or 8900 for eight thousand nine hundred, 1,5 for one "
                  "and a half"):
        assert msgid in marked, msgid


def test_the_core_speaks_the_language_it_is_given():
    from facts import i18n

    assert messages.use is i18n.use and messages._ is i18n._  # one language for the whole process
    messages.use("vi")
    assert i18n.language() == "vi" and i18n._("the file is empty") == "tệp trống"
    messages.use("en")
    assert i18n._("the file is empty") == "the file is empty"


def test_translations_keep_every_placeholder_and_line_ending():
    tool = _catalogue_tool()
    for msgid, entry in tool.read_po().items():
        if not msgid:
            continue
        for msgstr in entry.msgstr:
            assert _fields(msgstr) == _fields(msgid), (msgid, msgstr)
            assert msgstr.startswith(" ") == msgid.startswith(" "), (msgid, msgstr)
            assert msgstr.endswith((" ", "\n")) == msgid.endswith((" ", "\n")), (msgid, msgstr)
            assert msgstr != msgid or msgid in ("ok",), f"left in English: {msgid!r}"


def test_the_compiled_catalogue_is_up_to_date_and_readable():
    tool = _catalogue_tool()
    mo = ROOT / "resources" / "i18n" / "cli_vi.mo"
    assert mo.read_bytes() == tool.compile_mo(tool.read_po()), "run scripts/update_cli_catalogue.py"
    with mo.open("rb") as fh:
        t = gettext.GNUTranslations(fh)
    assert t.gettext("import article files or folders") == "nhập tệp hoặc thư mục bài báo"
    one = "{n} other mention it proposed, still pending, was taken back."
    many = "{n} other mentions it proposed, still pending, were taken back."
    assert t.ngettext(one, many, 1) == t.ngettext(one, many, 7)  # Vietnamese has one form
    assert t.info()["language"] == "vi"


def test_the_catalogue_travels_with_the_package_and_the_frozen_build():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^resources = \[.*"i18n/\*\.mo"', pyproject, re.M)
    spec = (ROOT / "packaging" / "fact-review.spec").read_text(encoding="utf-8")
    assert re.search(r'tree\("resources",[^)]*"\*\.mo"', spec)
    assert messages.catalogue_path("vi").is_file()


# -- choosing the language ----------------------------------------------------------------------
@pytest.mark.parametrize("env, want", [
    ({}, "en"),
    ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LC_MESSAGES": "vi_VN", "LANG": "en_US.UTF-8"}, "vi"),
    ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "vi_VN"}, "en"),
    ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"),
    ({"FACT_REVIEW_LANG": "en", "LANGUAGE": "vi", "LANG": "vi_VN.UTF-8"}, "en"),
    ({"FACT_REVIEW_LANG": "vi", "LANG": "en_US.UTF-8"}, "vi"),
    ({"FACT_REVIEW_LANG": "system", "LANG": "vi_VN.UTF-8"}, "vi"),
    ({"FACT_REVIEW_LANG": "", "LANG": "vi_VN.UTF-8"}, "vi"),
])
def test_language_from_the_environment(env, want):
    assert messages.choose(None, env) == want


def test_the_option_wins_over_the_environment():
    assert messages.choose("en", {"FACT_REVIEW_LANG": "vi"}) == "en"
    assert messages.choose("vi", {"LANG": "en_US.UTF-8"}) == "vi"
    assert messages.lang_from_argv(["--db", "x", "articles", "--lang", "vi"]) == "vi"
    assert messages.lang_from_argv(["--lang=en", "stats"]) == "en"
    assert messages.lang_from_argv(["import", "--", "--lang", "vi"]) is None


def test_numbers_the_vietnamese_way():
    messages.use("vi")
    assert (messages.num(1234), messages.num(1234567), messages.num(12)) == ("1.234", "1.234.567", "12")
    assert (messages.decimal(0.8), messages.decimal(1234.5, 1)) == ("0,80", "1.234,5")
    messages.use("en")
    assert (messages.num(1234), messages.decimal(0.8)) == ("1234", "0.80")


def test_summaries_write_counts_the_vietnamese_way():
    from app.cli import _exported, _import_summary

    files = [SimpleNamespace(facts_merged=0, status="imported", imported=1234, duplicates=0)]
    report = SimpleNamespace(files=files, articles=1234, duplicate_articles=0,
                             count=lambda s: sum(f.status == s for f in files))
    messages.use("vi")
    assert _import_summary(report) == "Đã nhập 1 tệp (1.234 bài báo), 0 trùng, 0 lỗi"
    assert _exported(SimpleNamespace(articles=2500, facts=10001), "jsonl") == "2.500 bài báo, 10.001 dữ kiện"
    messages.use("en")
    assert _import_summary(report) == "1 files imported (1234 articles), 0 duplicate, 0 failed"


# -- the commands -------------------------------------------------------------------------------
def test_articles_in_vietnamese_and_in_english(capsys, workspace):
    code, out, _ = run(capsys, "--lang", "vi", "--db", str(workspace), "articles")
    assert code == 0
    head = out.splitlines()[0]
    assert "chờ duyệt" in head and "tiêu đề" in head and "pending" not in head
    assert "Hơn 8.900 cán bộ y tế cơ sở" in out  # the articles' own text untouched
    code, out, _ = run(capsys, "--db", str(workspace), "articles")
    head = out.splitlines()[0]
    assert head.split() == ["id", "pending", "accepted", "edited", "rejected", "added", "title"]


def test_environment_picks_vietnamese_and_the_option_overrides_it(capsys, workspace, monkeypatch):
    monkeypatch.setenv("FACT_REVIEW_LANG", "vi")
    _, out, _ = run(capsys, "--db", str(workspace), "stats")
    assert out.startswith("không gian làm việc") and "tất cả" in out
    _, out, _ = run(capsys, "--db", str(workspace), "stats", "--lang", "en")  # after the command too
    assert out.startswith("workspace  ") and "\nall " in out


def test_missing_workspace_error_in_vietnamese(capsys, tmp_path, monkeypatch):
    missing = tmp_path / "none.sqlite"
    code, _, err = run(capsys, "--db", str(missing), "articles")
    assert code == 2 and err.startswith("fact-review: There is no workspace at")
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    code, _, err = run(capsys, "--db", str(missing), "articles")
    assert code == 2
    assert err.startswith(f"fact-review: Không có không gian làm việc nào tại {missing}.")
    assert "Traceback" not in err


def test_help_in_vietnamese(capsys, monkeypatch):
    monkeypatch.setenv("FACT_REVIEW_LANG", "vi")
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: fact-review")
    for words in ("đối số vị trí", "tùy chọn:", "hiện trợ giúp này rồi thoát",
                  "nhập tệp hoặc thư mục bài báo", "xuất dữ kiện và bài báo"):
        assert words in out
    assert "usage:" not in out and "import article files" not in out
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert "Xuất không gian làm việc." in out and "chỉ các dữ kiện của người duyệt này" in out
    assert argparse._ is gettext.gettext  # argparse's words are its own again afterwards


def test_help_and_usage_errors_stay_english(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: fact-review") and "import article files or folders" in out
    with pytest.raises(SystemExit) as stop:
        main(["articles", "--bogus"])
    assert stop.value.code == 2
    assert "error: unrecognized arguments: --bogus" in capsys.readouterr().err


def test_usage_errors_in_vietnamese(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "vi", "export", "--format", "pdf"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "fact-review export: lỗi: đối số --format: lựa chọn không hợp lệ: 'pdf'" in err
    code, _, err = run(capsys, "--lang", "vi", "export", "--status", "bogus")
    assert code == 2 and "không rõ trạng thái bogus" in err


def test_json_is_the_same_in_every_language(capsys, workspace):
    run(capsys, "--db", str(workspace), "extract")
    _, en, _ = run(capsys, "--db", str(workspace), "facts", "--json")
    _, vi, _ = run(capsys, "--lang", "vi", "--db", str(workspace), "facts", "--json")
    assert en == vi and en.count("\n") > 10 and '"status": "pending"' in en


def test_decisions_and_the_log_in_vietnamese(capsys, workspace):
    _, out, _ = run(capsys, "--db", str(workspace), "facts", "--json")
    import json

    fid = json.loads(out.splitlines()[0])["id"]
    code, out, _ = run(capsys, "--lang", "vi", "--db", str(workspace), "accept", str(fid))
    assert code == 0 and out.startswith(f"Dữ kiện {fid} đã chấp nhận: ") and "hoàn tác: revert" in out
    _, out, _ = run(capsys, "--lang", "vi", "--db", str(workspace), "log")
    assert f"dữ kiện {fid}" in out
    code, _, err = run(capsys, "--lang", "vi", "--db", str(workspace), "accept", "999999")
    assert code == 2 and "không có dữ kiện 999999 trong không gian làm việc" in err


def test_a_real_process_speaks_the_system_language(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARS}
    env.update(LANG="vi_VN.UTF-8", PYTHONIOENCODING="utf-8", HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "app.cli", "--db", str(tmp_path / "none.sqlite"), "stats"],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2
    assert "Không có không gian làm việc nào tại" in done.stderr


# -- the messages of the layers below -------------------------------------------------------------
def test_import_errors_in_vietnamese_and_in_english(capsys, tmp_path):
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "archive.txt").write_bytes(b"PK\x03\x04\x00\x00")
    (tmp_path / "no-text.csv").write_text("id,text\n1,\n", encoding="utf-8")
    files = [str(tmp_path / n) for n in ("bad.json", "notes.pdf", "archive.txt", "no-text.csv", "gone.txt")]
    ws = str(tmp_path / "ws.sqlite")
    code, out, err = run(capsys, "--lang", "vi", "--db", ws, "import", *files)
    assert code == 1
    for said in ("bad.json: dòng 1: JSON không hợp lệ: cần tên thuộc tính đặt trong dấu nháy kép (cột 2)",
                 "notes.pdf: kiểu tệp .pdf không được hỗ trợ; cần một trong ",
                 "archive.txt: đây là tệp nén zip, không phải văn bản; hãy giải nén rồi nhập các tệp bên trong",
                 "no-text.csv: dòng 2: 'text' trống",
                 "gone.txt: không có tệp hoặc thư mục này"):
        assert said in err, err
    assert "invalid JSON" not in err and out.startswith("Đã nhập 0 tệp")
    code, out, err = run(capsys, "--db", ws, "import", *files)
    assert "bad.json: line 1: invalid JSON: Expecting property name enclosed in double quotes (column 2)" in err
    assert "gone.txt: no such file or folder" in err and "no-text.csv: line 2: empty 'text'" in err


def test_evaluate_table_in_vietnamese(capsys):
    from facts.extract.evaluate import evaluate, format_table

    code, out, _err = run(capsys, "--lang", "vi", "evaluate", str(GOLD), "--articles", str(SEEDS))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["loại", "chuẩn", "dự"] and "F1 khớp đúng" in lines[0]
    assert any(line.startswith("tiền ") for line in lines) and any(line.startswith("tổng thể") for line in lines)
    assert "IoU nội dung 1,000" in out
    assert "Độ tin cậy: điểm tin cậy của các dữ kiện dự đoán so với tỷ lệ khớp với chuẩn" in out
    assert "0,9–1,0" in out and "sai số hiệu chỉnh kỳ vọng (ECE) " in out
    assert "overall" not in out and "Reliability" not in out
    code, out, _err = run(capsys, "evaluate", str(GOLD), "--articles", str(SEEDS))
    assert out == format_table(evaluate(GOLD, SEEDS)) + "\n"  # English: the core's table, word for word
    code, _out, err = run(capsys, "--lang", "vi", "evaluate", str(GOLD), "--articles", str(SEEDS / "none"))
    assert code == 2 and "fact-review: không có thư mục " in err


def test_stats_session_report_in_vietnamese(capsys, workspace):
    import json

    _, out, _ = run(capsys, "--db", str(workspace), "facts", "--json")
    ids = [json.loads(line)["id"] for line in out.splitlines()[:3]]
    run(capsys, "--db", str(workspace), "--reviewer", "lan", "accept", str(ids[0]), str(ids[1]))
    run(capsys, "--db", str(workspace), "--reviewer", "lan", "reject", str(ids[2]))
    _, out, _ = run(capsys, "--lang", "vi", "--db", str(workspace), "stats")
    assert "Các phiên duyệt (nghỉ quá 30 phút thì bắt đầu phiên mới):" in out
    session = next(line for line in out.splitlines() if line.startswith("  lan "))
    assert "3 quyết định" in session and "/giờ" in session and "chấp nhận 2, từ chối 1" in session
    assert "Tỷ lệ chấp nhận theo loại (chấp nhận nguyên như trích xuất / đã duyệt):" in out
    assert "Tỷ lệ chấp nhận theo quy tắc trích xuất, thấp nhất trước" in out and "(sửa 0, từ chối " in out
    assert "Review sessions" not in out and "decisions" not in out


def test_agreement_table_in_vietnamese():
    from facts.team import Judged, SharedArticle, agreement, format_agreement

    a, b = Judged("accepted", "money", 0, 5), Judged("rejected", "money", 0, 5)
    pair = agreement("lan", "minh", [SharedArticle(1, [("money", a, a), ("money", a, b)])])
    english = format_agreement([pair])
    assert english.startswith("lan and minh: 1 shared articles, 1 finished by both")
    messages.use("vi")
    said = format_agreement([pair])
    assert said.startswith("lan và minh: 1 bài báo dùng chung, cả hai đã duyệt xong 1 bài")
    head = said.splitlines()[1].split()
    assert head[0] == "loại" and "cả" in head and "hệ" in head
    assert any(line.strip().startswith("tiền ") for line in said.splitlines())
    assert "0,000" in said or "1,000" in said
    assert format_agreement([]).startswith("Chưa có bài báo dùng chung nào")


def test_workspace_errors_in_vietnamese(capsys, tmp_path):
    not_ours = tmp_path / "notes.sqlite"
    not_ours.write_text("chỉ là một tệp văn bản", encoding="utf-8")
    code, _, err = run(capsys, "--lang", "vi", "--db", str(not_ours), "articles")
    assert code == 2
    assert f"{not_ours} không phải không gian làm việc của Fact Review (không phải cơ sở dữ liệu SQLite)." in err
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run(capsys, "--lang", "vi", "--db", str(folder), "articles")
    assert code == 2 and f"{folder} là một thư mục, không phải tệp không gian làm việc." in err
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    code, _, err = run(capsys, "--lang", "vi", "--db", str(empty), "articles")
    assert code == 2 and f"Không có không gian làm việc nào tại {empty} (tệp trống)." in err
    code, _, err = run(capsys, "--db", str(not_ours), "articles")
    assert "is not a Fact Review workspace (not an SQLite database)" in err


def test_values_and_validation_in_vietnamese():
    from pydantic import ValidationError

    from facts.model import error_text, validate_fact
    from facts.reading import read_date, read_number
    from facts.textio import typed_problem

    fact = {"kind": "money", "start": -1, "end": 3, "text": "abc", "value": "ba"}
    try:
        validate_fact(fact)
    except ValidationError as exc:
        english = error_text(exc)
    assert english == ("start: Input should be greater than or equal to 0; "
                       "value: value 'ba' is not a number written with '.' as decimal mark")
    messages.use("vi")
    assert read_number("abc").error.startswith("“abc” không phải là số: viết 8.900 hoặc 8900")
    assert read_date("31/02/2024").error == "“31/02/2024” không phải là một ngày có thật trên lịch"
    assert typed_problem("đã\x07 xem") == "chứa một ký tự điều khiển (U+0007) ở ký tự thứ 3; hãy xóa nó"
    try:
        validate_fact(fact)
    except ValidationError as exc:
        said = error_text(exc)
    assert said == ("start: Giá trị phải lớn hơn hoặc bằng 0; "
                    "value: giá trị 'ba' không phải là số viết với '.' làm dấu thập phân")
    try:
        validate_fact({**fact, "kind": "tiền", "start": 0})
    except ValidationError as exc:
        said = error_text(exc)
    assert said.startswith("Giá trị 'tiền' của trường 'kind' không khớp với giá trị nào được chấp nhận: ")


def test_a_refused_value_names_its_field_in_vietnamese(seeded_store):
    from db.store import UnstorableText
    from facts.model import validate_fact

    article = seeded_store.article(seeded_store.article_ids()[0])
    fact = validate_fact({"kind": "person", "start": 0, "end": 3, "text": article.text[:3], "value": "x",
                          "extractor": "manual"})
    messages.use("vi")
    with pytest.raises(UnstorableText) as refused:
        seeded_store.add_fact(article.id, fact, "lan", note="xem\x07 lại")
    assert str(refused.value) == ("Trường ghi chú chứa một ký tự điều khiển (U+0007) ở ký tự thứ 4; hãy xóa nó. "
                                  "Chưa lưu gì.")
    messages.use("en")
    with pytest.raises(UnstorableText) as refused:
        seeded_store.correct_article(article.id, "lan", title="Tin\x07")
    assert str(refused.value).startswith("The article title holds a control character (U+0007) at character 4")


def test_a_facts_csv_row_for_no_article_says_so_in_either_language(capsys, workspace, tmp_path):
    """A facts CSV whose row names an article the workspace does not hold: the file fails with
    the row and the reason, in the language asked (a gettext `_` shadowed by a throwaway
    variable once made this a crash)."""
    rows = tmp_path / "facts.csv"
    rows.write_text("article_id,kind,start,end,text,value\nkhông-có,money,0,3,abc,12\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(workspace), "import", str(rows))
    assert code == 1 and "row 2: no article 'không-có' in this workspace (import the articles first)" in err
    code, out, err = run(capsys, "--lang", "vi", "--db", str(workspace), "import", str(rows))
    assert code == 1 and "không có bài báo 'không-có' trong không gian làm việc này" in err
    assert "Traceback" not in err


def test_no_function_both_translates_and_throws_away_into_underscore():
    """`_` is gettext's: a function that also assigns to `_` (`a, _, b = row`) makes it a local
    name, and every `_("…")` in it fails at run time. None in app/, db/, facts/, desktop/."""
    import ast

    found = []
    for folder in ("app", "db", "facts", "desktop"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for fn in ast.walk(tree):
                if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                todo, stores, calls = list(ast.iter_child_nodes(fn)), False, False
                while todo:
                    node = todo.pop()
                    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
                                         ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                        continue  # a scope of its own
                    if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
                        stores = True
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
                        calls = True
                    todo.extend(ast.iter_child_nodes(node))
                if stores and calls:
                    found.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}")
    assert not found, found
