"""The bundled data is whole and honest: ids, references, dates, evidence, canonical files."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import importlib_resources
import pytest
from pydantic import BaseModel

import vn_diplomacy as vd
from vn_diplomacy.serialize import dumps

if TYPE_CHECKING:
    from collections.abc import Iterator

DATASET = vd.load()
COLLECTIONS: dict[str, vd.Collection[vd.Record]] = {
    "sources": DATASET.sources,
    "partners": DATASET.partners,
    "people": DATASET.people,
    "engagements": DATASET.engagements,
    "trade": DATASET.trade,
    "agreements": DATASET.agreements,
    "claims": DATASET.claims,
}


def nested_evidence(model: BaseModel, path: str = "") -> Iterator[tuple[str, vd.Evidence]]:
    """Each piece of evidence in `model`, with its field path as load errors write it: ``roles[1].evidence[0]``."""
    for name in type(model).model_fields:
        value: object = getattr(model, name)
        items: tuple[object, ...] = value if isinstance(value, tuple) else (value,)  # pyright: ignore[reportUnknownVariableType]
        for index, item in enumerate(items):
            where = f"{path}{name}[{index}]" if isinstance(value, tuple) else f"{path}{name}"
            if isinstance(item, vd.Evidence):
                yield where, item
            elif isinstance(item, BaseModel):
                yield from nested_evidence(item, f"{where}.")


ALL_EVIDENCE = [
    (name, record.id, path, evidence)
    for name, collection in COLLECTIONS.items()
    for record in collection
    for path, evidence in nested_evidence(record)
]


def test_every_collection_has_records() -> None:
    assert {name: len(c) > 0 for name, c in COLLECTIONS.items()} == dict.fromkeys(COLLECTIONS, True)


@pytest.mark.parametrize("source", DATASET.sources.ids)
def test_every_quote_of_a_source_is_verbatim_in_its_article(source: str, corpus: dict[str, str]) -> None:
    """One test per article, failing once with every quote of it that the article does not hold."""
    article = corpus[source]
    missing = [
        f"  {collection} {record!r} {path}: {evidence.quote!r}"
        for collection, record, path, evidence in ALL_EVIDENCE
        if evidence.source == source and evidence.quote not in article
    ]
    if missing:
        file = DATASET.sources.get(source).file
        pytest.fail(f"{len(missing)} quote(s) citing {source!r} not in tests/corpus/{file}:\n" + "\n".join(missing))


def test_every_nested_fact_carries_evidence() -> None:
    for partner in vd.partners:
        items: tuple[vd.TierChange | vd.RelationsEvent | vd.PartnerFact, ...] = (
            *partner.tier_history,
            *partner.relations,
            *partner.facts,
        )
        for item in items:
            assert item.evidence, partner.id
    for person in vd.people:
        for role in person.roles:
            assert role.evidence, person.id


def test_every_source_is_quoted_and_titles_are_verbatim(corpus: dict[str, str]) -> None:
    cited = {evidence.source for *_, evidence in ALL_EVIDENCE}
    assert cited == set(vd.sources.ids)
    for source in vd.sources:
        if source.title is not None:
            assert corpus[source.id].startswith(source.title), source.id


def test_ids_follow_the_conventions() -> None:
    for partner in vd.partners:
        expected = 2 if partner.kind is vd.PartnerKind.STATE else None
        assert partner.id.isupper(), partner.id
        if expected is not None:
            assert len(partner.id) == expected, partner.id
    for name, collection in COLLECTIONS.items():
        if name != "partners":
            for record_id in collection.ids:
                assert record_id == record_id.lower(), record_id
                assert record_id.isascii(), record_id
                assert " " not in record_id, record_id


def test_dates_are_ordered_and_inferences_explained() -> None:
    for engagement in vd.engagements:
        if engagement.end is not None:
            assert engagement.start.earliest <= engagement.end.earliest, engagement.id
    for figure in vd.trade:
        assert figure.period_start <= figure.period_end
    for partner in vd.partners:
        froms = [change.effective_from for change in partner.tier_history]
        assert froms == sorted(froms), partner.id
        for change in partner.tier_history:
            for date in (change.date, change.attested):
                if date is not None and date.inference is not None:
                    assert len(date.inference) > 20, partner.id


def test_partner_facts_are_oldest_first_and_undated_last() -> None:
    for partner in vd.partners:
        keys = [(f.as_of is None, f.as_of.earliest if f.as_of else None) for f in partner.facts]
        dated = [k[1] for k in keys if k[1] is not None]
        assert dated == sorted(dated), partner.id
        assert keys == sorted(keys, key=lambda k: k[0]), partner.id


def test_a_tier_change_with_a_set_up_date_has_no_attested_date() -> None:
    for partner in vd.partners:
        for change in partner.tier_history:
            assert change.date is None or change.attested is None, partner.id


def test_engagement_titles_are_unique() -> None:
    titles = [e.title for e in vd.engagements]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize(("collection", "file"), list(vd.FILES.items()))
def test_files_are_canonical(collection: str, file: str) -> None:
    """The JSON is its own snapshot: re-serialising the validated records gives the same bytes."""
    text = (importlib_resources.files("vn_diplomacy") / "data" / file).read_text(encoding="utf-8")
    assert text == dumps(COLLECTIONS[collection]), f"run dumps() over {file} to re-format it"
    ids = [item["id"] for item in json.loads(text)]
    assert ids == sorted(ids)
    assert text.endswith("]\n")
