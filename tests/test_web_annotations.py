"""`export --format annotations`: every quote as a W3C Web Annotation that re-anchors in its article."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import vn_diplomacy as vd
from vn_diplomacy.cli import main
from vn_diplomacy.export import export
from vn_diplomacy.records.walk import evidence_in
from vn_diplomacy.web_annotations import CONTEXT, annotation_collection, record_iri

TESTS = Path(__file__).parent


def items(collection: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = collection["first"]["items"]
    return found


def reanchored(annotation: dict[str, Any], texts: dict[str, str]) -> tuple[list[int], int]:
    """Where the annotation's quote selector finds its quote (every match), and where its position selector does."""
    target: dict[str, Any] = annotation["target"]
    text = texts[target["source"]]
    quote, position = target["selector"]
    assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
    context = quote["prefix"] + quote["exact"] + quote["suffix"]
    matches: list[int] = []
    at = text.find(context)
    while at >= 0:
        matches.append(at + len(quote["prefix"]))
        at = text.find(context, at + 1)
    assert text[position["start"] : position["end"]] == quote["exact"]
    start: int = position["start"]
    return matches, start


@pytest.mark.parametrize(
    ("data", "corpus"),
    [(None, TESTS / "corpus"), (TESTS / "fixtures" / "data", TESTS / "fixtures" / "corpus")],
    ids=["bundled", "fixture"],
)
def test_every_annotation_reanchors_in_its_article_from_its_selectors_alone(data: Path | None, corpus: Path) -> None:
    dataset = vd.load(data)
    collection = annotation_collection(dataset, corpus)
    texts = {source.url: (corpus / source.file).read_text(encoding="utf-8") for source in dataset.sources}
    annotations = items(collection)
    evidence = [
        (name, record.id, field, e) for name in vd.FILES for record in dataset[name] for field, e in evidence_in(record)
    ]
    assert collection["total"] == len(annotations) == len(evidence)
    assert len({a["id"] for a in annotations}) == len(annotations)
    for annotation, (name, record_id, _, quoted) in zip(annotations, evidence, strict=True):
        matches, start = reanchored(annotation, texts)
        assert start in matches, annotation["id"]
        assert start == quoted.start
        assert annotation["body"][0] == {"id": record_iri(name, record_id)}


def test_an_annotation_follows_the_web_annotation_model(fixture_data: vd.Dataset) -> None:
    collection = annotation_collection(fixture_data, TESTS / "fixtures" / "corpus")
    assert (collection["@context"], collection["type"]) == (CONTEXT, "AnnotationCollection")
    first = items(collection)[0]
    assert set(first) == {"id", "type", "motivation", "body", "target"}
    assert (first["type"], first["motivation"]) == ("Annotation", "describing")
    source = fixture_data.sources.ids[0]
    assert str(first["id"]).startswith(f"urn:vn-diplomacy:sources:{source}:")
    assert first["target"]["source"] == fixture_data.sources.get(source).url


def test_the_cli_writes_the_annotations_and_a_descriptor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "annotations"
    status = main(["export", "--format", "annotations", "--articles", str(TESTS / "corpus"), "--out", str(out)])
    assert (status, capsys.readouterr().err) == (0, "")
    content = (out / "annotations.jsonld").read_bytes()
    (resource,) = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
    assert json.loads(content) == annotation_collection(vd.load(), TESTS / "corpus")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "annotations"], "export --format annotations needs --articles DIR"),
        (["--format", "csv", "--articles", "x"], "--articles is for --format annotations, not csv"),
    ],
)
def test_articles_go_with_annotations_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["export", *args, "--out", str(tmp_path / "out")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    with pytest.raises(vd.QueryError, match="give the folder of the articles"):
        export(vd.load(), tmp_path / "out", "annotations")


def test_articles_at_odds_with_the_data_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(TESTS / "corpus", articles)
    changed = articles / vd.sources.get("vna-2024-03-19-upgrade-of-ties").file
    changed.write_text("A changed line.\n" + changed.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", "--format", "annotations", "--articles", str(articles), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "problems with the articles" in err
    assert f"run 'vn-diplomacy verify {articles}'" in err
    assert not out.exists()
