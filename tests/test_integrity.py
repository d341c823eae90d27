"""The data is whole and honest: ids, references, dates, evidence, canonical files.

Each check runs on the bundled data and on the tests' own fixture data (tests/fixtures), which keeps the same rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import importlib_resources
import pytest

import vn_diplomacy as vd
from vn_diplomacy.records.walk import evidence_in
from vn_diplomacy.serialize import dumps
from vn_diplomacy.verify import verify

if TYPE_CHECKING:
    from importlib_resources.abc import Traversable

TESTS = Path(__file__).parent


class Checked(NamedTuple):
    """A dataset under check: its records, the folder of its JSON files, and the folder of its articles."""

    name: str
    data: vd.Dataset
    files: Traversable
    articles: Path

    def collections(self) -> dict[str, vd.Collection[vd.Record]]:
        return {name: self.data[name] for name in vd.FILES}

    def article(self, source: str) -> str:
        return (self.articles / self.data.sources.get(source).file).read_text(encoding="utf-8")


BUNDLED = Checked("bundled", vd.load(), importlib_resources.files("vn_diplomacy") / "data", TESTS / "corpus")
FIXTURE = Checked(
    "fixture", vd.load(TESTS / "fixtures" / "data"), TESTS / "fixtures" / "data", TESTS / "fixtures" / "corpus"
)
CHECKED = [BUNDLED, FIXTURE]
each_dataset = pytest.mark.parametrize("checked", CHECKED, ids=[c.name for c in CHECKED])


def all_evidence(checked: Checked) -> list[tuple[str, str, str, vd.Evidence]]:
    """(collection, record id, field path, evidence) for every quote of a dataset."""
    return [
        (name, record.id, path, evidence)
        for name, collection in checked.collections().items()
        for record in collection
        for path, evidence in evidence_in(record)
    ]


@each_dataset
def test_every_collection_has_records(checked: Checked) -> None:
    collections = checked.collections()
    assert {name: len(c) > 0 for name, c in collections.items()} == dict.fromkeys(collections, True)


@each_dataset
def test_every_record_has_an_id_and_evidence(checked: Checked) -> None:
    for collection in checked.collections().values():
        for record in collection:
            assert record.id
            assert record.evidence, record.id


@pytest.mark.parametrize(
    ("checked", "source"),
    [(checked, source) for checked in CHECKED for source in checked.data.sources.ids],
    ids=[f"{checked.name}-{source}" for checked in CHECKED for source in checked.data.sources.ids],
)
def test_every_quote_of_a_source_is_its_article_at_its_offsets(checked: Checked, source: str) -> None:
    """One test per article, failing once with every quote of it that is not the article's text at its offsets."""
    problems = [str(problem) for problem in verify(checked.articles, checked.data) if problem.source == source]
    if problems:
        pytest.fail(f"{len(problems)} problem(s) with {source!r}:\n" + "\n".join(problems))


@each_dataset
def test_every_nested_fact_carries_evidence(checked: Checked) -> None:
    for partner in checked.data.partners:
        items: tuple[vd.TierChange | vd.RelationsEvent | vd.PartnerFact, ...] = (
            *partner.tier_history,
            *partner.relations,
            *partner.facts,
        )
        for item in items:
            assert item.evidence, partner.id
    for person in checked.data.people:
        for role in person.roles:
            assert role.evidence, person.id


@each_dataset
def test_every_source_is_quoted_and_titles_are_verbatim(checked: Checked) -> None:
    cited = {evidence.source for *_, evidence in all_evidence(checked)}
    assert cited == set(checked.data.sources.ids)
    for source in checked.data.sources:
        if source.title is not None:
            assert checked.article(source.id).startswith(source.title), source.id


def test_fixture_articles_say_they_are_fixtures() -> None:
    """Nobody should take the fixture data for facts: each article says it was written for the tests."""
    for source in FIXTURE.data.sources:
        assert "a test fixture of the vn_diplomacy package" in FIXTURE.article(source.id), source.id
        assert source.title is None or source.title.startswith("Fixture article"), source.id


@each_dataset
def test_ids_follow_the_conventions(checked: Checked) -> None:
    for partner in checked.data.partners:
        expected = 2 if partner.kind is vd.PartnerKind.STATE else None
        assert partner.id.isupper(), partner.id
        if expected is not None:
            assert len(partner.id) == expected, partner.id
    for name, collection in checked.collections().items():
        if name != "partners":
            for record_id in collection.ids:
                assert record_id == record_id.lower(), record_id
                assert record_id.isascii(), record_id
                assert " " not in record_id, record_id


@each_dataset
def test_dates_are_ordered_and_inferences_explained(checked: Checked) -> None:
    for engagement in checked.data.engagements:
        if engagement.end is not None:
            assert engagement.start.earliest <= engagement.end.earliest, engagement.id
    for figure in checked.data.trade:
        assert figure.period_start <= figure.period_end
    for partner in checked.data.partners:
        froms = [change.effective_from for change in partner.tier_history]
        assert froms == sorted(froms), partner.id
        for change in partner.tier_history:
            for date in (change.date, change.attested):
                if date is not None and date.inference is not None:
                    assert len(date.inference) > 20, partner.id


@each_dataset
def test_partner_facts_are_oldest_first_and_undated_last(checked: Checked) -> None:
    for partner in checked.data.partners:
        keys = [(f.as_of is None, f.as_of.earliest if f.as_of else None) for f in partner.facts]
        dated = [k[1] for k in keys if k[1] is not None]
        assert dated == sorted(dated), partner.id
        assert keys == sorted(keys, key=lambda k: k[0]), partner.id


@each_dataset
def test_a_tier_change_with_a_set_up_date_has_no_attested_date(checked: Checked) -> None:
    for partner in checked.data.partners:
        for change in partner.tier_history:
            assert change.date is None or change.attested is None, partner.id


@each_dataset
def test_engagement_titles_are_unique(checked: Checked) -> None:
    titles = [e.title for e in checked.data.engagements]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize(
    ("checked", "collection"),
    [(checked, collection) for checked in CHECKED for collection in vd.FILES],
    ids=[f"{checked.name}-{collection}" for checked in CHECKED for collection in vd.FILES],
)
def test_files_are_canonical(checked: Checked, collection: vd.CollectionName) -> None:
    """The JSON is its own snapshot: re-serialising the validated records gives the same bytes."""
    file = vd.FILES[collection]
    text = (checked.files / file).read_text(encoding="utf-8")
    assert text == dumps(checked.data[collection]), f"run dumps() over {checked.name} {file} to re-format it"
    ids = [item["id"] for item in json.loads(text)]
    assert ids == sorted(ids)
    assert text.endswith("]\n")
