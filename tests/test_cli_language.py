"""The command line in Vietnamese and English (app/messages.py, resources/i18n/cli_vi.po)."""
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
from tests.conftest import ROOT

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
