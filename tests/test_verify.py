"""`verify` and `vn-diplomacy verify`: the quotes checked against the articles, by hash and by offsets.

Behaviour runs on the fixture data and its three fixture articles; the bundled data against tests/corpus has its
own test, the one the issue asks for.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

import vn_diplomacy as vd
from vn_diplomacy.cli import main
from vn_diplomacy.records.walk import evidence_in
from vn_diplomacy.verify import Problem, verify, verify_report

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
CORPUS = TESTS / "corpus"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A copy of the fixture articles that a test may tamper with."""
    target = tmp_path / "articles"
    shutil.copytree(FIXTURES / "corpus", target)
    return target


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_bundled_quotes_stand_at_their_offsets_in_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert verify(CORPUS) == ()
    status, out, err = run(capsys, "verify", str(CORPUS))
    assert (status, err) == (0, "")
    checked = verify_report(CORPUS)
    assert checked.articles == len(vd.sources)
    assert out == (
        f"{CORPUS}: verified {checked.articles} articles and {checked.quotes} quotes: every article file has the "
        "sha256 the data records, and every quote is its article's text at its offsets\n"
    )


def test_a_tampered_copy_of_the_corpus_fails_loudly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    source = vd.sources.get("vna-2024-03-19-upgrade-of-ties")
    path = copy / source.file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("political trust", "political trusts", 1), encoding="utf-8")
    problems = verify(copy)
    assert problems[0] == Problem(
        source.id,
        f"{path} has sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}, the data records {source.sha256}: "
        "it is not the text the quotes were taken from",
    )
    moved = [problem for problem in problems[1:] if problem.source == source.id]
    assert moved, "the quotes after the change are shifted by one character"
    assert {problem.source for problem in problems} == {source.id}
    status, out, err = run(capsys, "verify", str(copy))
    assert (status, err) == (1, "")
    assert out.startswith(f"{copy}: {len(problems)} problems in checking")
    assert f"  source {source.id}, " in out


def test_fixture_quotes_stand_at_their_offsets(fixture_data: vd.Dataset) -> None:
    assert verify(FIXTURES / "corpus", fixture_data) == ()


def test_a_changed_byte_is_a_hash_problem_and_names_each_quote_it_moves(
    articles: Path, fixture_data: vd.Dataset
) -> None:
    source = fixture_data.sources.get("fixture-a")
    path = articles / source.file
    path.write_text("X" + path.read_text(encoding="utf-8"), encoding="utf-8")  # every quote one to the right
    problems = verify(articles, fixture_data)
    assert problems[0].source == "fixture-a"
    assert problems[0].record is None
    assert "it is not the text the quotes were taken from" in problems[0].message
    quotes = [(p.collection, p.record, p.field) for p in problems[1:]]
    assert quotes == [(name, record, field) for name, record, field, _ in _cited(fixture_data, "fixture-a")]
    first = next(evidence for _, _, _, evidence in _cited(fixture_data, "fixture-a"))
    assert problems[1].message.endswith(f"the quote is at {first.start + 1}-{first.end + 1}: {first.quote!r}")


def _cited(data: vd.Dataset, source: str) -> list[tuple[str, str, str, vd.Evidence]]:
    """(collection, record id, field, evidence) of each quote of `source`, in the order `verify` checks them."""
    return [
        (name, record.id, field, evidence)
        for name in vd.FILES
        for record in data[name]
        for field, evidence in evidence_in(record)
        if evidence.source == source
    ]


def test_a_made_up_quote_is_named_with_its_record_and_field(
    articles: Path, fixture_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate` cannot tell a made-up quote (the articles do not ship); `verify` can."""
    partners = json.loads((fixture_dir / "partners.json").read_text(encoding="utf-8"))
    evidence = partners[0]["evidence"][0]
    quote = "A quote nobody wrote."
    evidence.update(quote=quote, end=evidence["start"] + len(quote))
    (fixture_dir / "partners.json").write_text(json.dumps(partners, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(fixture_dir)]) == 0
    capsys.readouterr()
    (problem,) = verify(articles, vd.load(fixture_dir))
    assert (problem.source, problem.collection, problem.record, problem.field) == (
        evidence["source"],
        "partners",
        partners[0]["id"],
        "evidence[0]",
    )
    assert problem.message.endswith(f"the quote is nowhere in the article: {quote!r}")
    status, out, _ = run(capsys, "--data", str(fixture_dir), "verify", str(articles))
    assert status == 1
    assert out.splitlines()[1] == f"  {problem}"


def test_a_missing_article_is_one_problem_and_its_quotes_are_counted_unchecked(
    articles: Path, fixture_data: vd.Dataset
) -> None:
    source = fixture_data.sources.get("fixture-b")
    (articles / source.file).unlink()
    problems = verify(articles, fixture_data)
    assert [str(problem).split(": ", 1)[0] for problem in problems] == ["source fixture-b", "source fixture-b"]
    assert problems[0].message == f"{articles / source.file}: the article file is missing"
    assert problems[1].message.endswith("not checked: no readable article")


def test_an_article_that_is_not_utf8_or_not_a_file_is_a_problem(articles: Path, fixture_data: vd.Dataset) -> None:
    (articles / "fixture_a.txt").write_bytes(b"\xff\xfe not UTF-8")
    (articles / "fixture_b.txt").unlink()
    os.mkfifo(articles / "fixture_b.txt")
    messages = [(problem.source, problem.message) for problem in verify(articles, fixture_data)]
    assert messages[:2] == [
        ("fixture-a", f"{articles / 'fixture_a.txt'} is not UTF-8 text (invalid start byte at byte 0)"),
        ("fixture-b", f"{articles / 'fixture_b.txt'}: not a regular file (a FIFO); an article is a text file"),
    ]


def test_a_folder_that_is_not_one_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(vd.DataError, match="not a folder; give the folder that holds the article files"):
        verify(tmp_path / "nowhere")
    with pytest.raises(TypeError, match="directory must be a path"):
        verify(3)  # type: ignore[arg-type]  # the wrong type is the point
    status, out, err = run(capsys, "verify", str(tmp_path / "nowhere"))
    assert (status, out) == (1, "")
    assert err.startswith("vn-diplomacy: error: ")
    assert run(capsys, "verify", "")[0] == 2


def test_an_offset_that_does_not_span_the_quote_is_refused(fixture_dir: Path) -> None:
    partners = json.loads((fixture_dir / "partners.json").read_text(encoding="utf-8"))
    partners[0]["evidence"][0]["end"] += 1
    (fixture_dir / "partners.json").write_text(json.dumps(partners, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(vd.DataError, match=r"field evidence\.0: end - start must be the quote's length"):
        vd.load(fixture_dir)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", None, "Input should be a valid string"),
        ("url", "example.org/x", "an address is http:// or https://"),
        ("sha256", "ABC", "a SHA-256 digest is written as 64 lowercase hexadecimal digits"),
    ],
)
def test_a_source_needs_an_address_and_a_hash(fixture_dir: Path, field: str, value: object, message: str) -> None:
    sources = json.loads((fixture_dir / "sources.json").read_text(encoding="utf-8"))
    sources[0][field] = value
    (fixture_dir / "sources.json").write_text(json.dumps(sources, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(vd.DataError, match=rf"field {field}: {message}"):
        vd.load(fixture_dir)
