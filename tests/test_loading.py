"""vd.load(directory): a whole, valid dataset or a DataError that names the file, record and field.

The folders broken here are copies of the tests' fixture data (`fixture_dir`), whose records these tests know.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import vn_diplomacy as vd
from vn_diplomacy import DataError

if TYPE_CHECKING:
    from pathlib import Path

    from vn_diplomacy import Collection, Person


def edit(folder: Path, file: str, change: Any) -> None:
    """Apply `change` to the parsed records of `file` and write them back."""
    path = folder / file
    records = json.loads(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def record(records: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    """The parsed record with id `record_id`."""
    return next(r for r in records if r["id"] == record_id)


def test_a_copy_of_the_bundled_data_loads_the_same(data_dir: Path) -> None:
    data = vd.load(data_dir)
    assert data.directory == str(data_dir)
    assert list(data.partners) == list(vd.partners)
    assert list(data.engagements) == list(vd.engagements)
    assert data.partners is not vd.partners
    assert vd.load(str(data_dir)).claims.ids == vd.claims.ids


def test_each_load_of_a_directory_is_a_new_dataset(fixture_dir: Path, fixture_data: vd.Dataset) -> None:
    """`vd.load(dir)` caches nothing: two loads are two datasets with equal records."""
    first, second = vd.load(fixture_dir), vd.load(fixture_dir)
    assert first is not second
    assert first.partners is not second.partners
    assert list(first.engagements) == list(second.engagements) == list(fixture_data.engagements)


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="the data directory does not exist") as info:
        vd.load(tmp_path / "nowhere")
    assert info.value.file.endswith("nowhere")


def test_a_file_is_not_a_directory(fixture_dir: Path) -> None:
    with pytest.raises(DataError, match="is not a directory"):
        vd.load(fixture_dir / "partners.json")


def test_missing_file(fixture_dir: Path) -> None:
    (fixture_dir / "claims.json").unlink()
    with pytest.raises(DataError, match=r"claims\.json: missing data file; a data directory holds sources\.json"):
        vd.load(fixture_dir)


def test_malformed_json(fixture_dir: Path) -> None:
    path = fixture_dir / "people.json"
    path.write_text(path.read_text(encoding="utf-8")[:500], encoding="utf-8")
    with pytest.raises(DataError, match=r"people\.json: malformed JSON") as info:
        vd.load(fixture_dir)
    assert info.value.record is None


def test_top_level_must_be_an_array(fixture_dir: Path) -> None:
    (fixture_dir / "trade.json").write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"trade\.json: the file must hold a JSON array of records"):
        vd.load(fixture_dir)


def test_unknown_field_names_file_record_and_field(fixture_dir: Path) -> None:
    def add_field(records: list[dict[str, Any]]) -> None:
        record(records, "US")["nickname"] = "Uncle Sam"

    edit(fixture_dir, "partners.json", add_field)
    with pytest.raises(DataError, match="Extra inputs are not permitted, got: 'Uncle Sam'") as info:
        vd.load(fixture_dir)
    assert info.value.file == str(fixture_dir / "partners.json")
    assert (info.value.record, info.value.field) == ("'US'", "nickname")


def test_wrong_type(fixture_dir: Path) -> None:
    def break_value(records: list[dict[str, Any]]) -> None:
        record(records, "vn-us-trade-2024-h1")["value"] = "sixty billion"

    edit(fixture_dir, "trade.json", break_value)
    with pytest.raises(DataError, match=r"record 'vn-us-trade-2024-h1', field value: .*got: 'sixty billion'"):
        vd.load(fixture_dir)


def test_bad_date(fixture_dir: Path) -> None:
    def break_date(records: list[dict[str, Any]]) -> None:
        record(records, "2023-09-10-us-president-state-visit")["end"] = "2023-02-30"

    edit(fixture_dir, "engagements.json", break_date)
    with pytest.raises(
        DataError, match=r"record '2023-09-10-us-president-state-visit', field end: day is out of range for month"
    ):
        vd.load(fixture_dir)


def test_end_before_start(fixture_dir: Path) -> None:
    def reverse(records: list[dict[str, Any]]) -> None:
        record(records, "2023-09-10-us-president-state-visit")["end"] = "2023-09-01"

    edit(fixture_dir, "engagements.json", reverse)
    with pytest.raises(
        DataError, match="'2023-09-10-us-president-state-visit': end 2023-09-01 is before start 2023-09-10"
    ):
        vd.load(fixture_dir)


@pytest.mark.parametrize(
    ("file", "record_id", "field", "message"),
    [
        ("partners.json", "US", "tier_history", "tier_history must be ordered by the day each change"),
        ("people.json", "bui-thanh-son", "roles", "roles must be ordered by their as_of dates"),
    ],
)
def test_a_history_out_of_order(fixture_dir: Path, file: str, record_id: str, field: str, message: str) -> None:
    def swap(records: list[dict[str, Any]]) -> None:
        found = record(records, record_id)
        assert len(found[field]) > 1
        found[field].reverse()

    edit(fixture_dir, file, swap)
    with pytest.raises(DataError, match=rf"record '{record_id}'.*{message}"):
        vd.load(fixture_dir)


def test_one_role_or_tier_change_needs_no_order(fixture_dir: Path) -> None:
    def keep_first(records: list[dict[str, Any]]) -> None:
        son = record(records, "bui-thanh-son")
        son["roles"] = son["roles"][:1]

    edit(fixture_dir, "people.json", keep_first)
    assert vd.load(fixture_dir).people.get("bui-thanh-son").title == "Minister of Foreign Affairs"


def test_duplicate_id(fixture_dir: Path) -> None:
    def duplicate(records: list[dict[str, Any]]) -> None:
        records.append(dict(records[0]))

    edit(fixture_dir, "claims.json", duplicate)
    with pytest.raises(
        DataError,
        match=r"claims\.json, record 'vn-30-strategic-and-comprehensive-partners-2024-03', field id: duplicate claim",
    ):
        vd.load(fixture_dir)


def test_dangling_partner_reference(fixture_dir: Path) -> None:
    def dangle(records: list[dict[str, Any]]) -> None:
        record(records, "2025-07-11-son-rubio")["partners"] = ["JA"]

    edit(fixture_dir, "engagements.json", dangle)
    with pytest.raises(
        DataError,
        match=r"'2025-07-11-son-rubio', field partners\[0\]: unknown partner id 'JA'; did you mean 'VA' or 'JP'\?$",
    ):
        vd.load(fixture_dir)


def test_dangling_person_reference(fixture_dir: Path) -> None:
    def dangle(records: list[dict[str, Any]]) -> None:
        record(records, "2025-07-11-son-rubio")["people"] = ["bui-thanh-son", "marco-rubbio"]

    edit(fixture_dir, "engagements.json", dangle)
    with pytest.raises(
        DataError, match=r"field people\[1\]: unknown person id 'marco-rubbio'; did you mean 'marco-rubio'"
    ):
        vd.load(fixture_dir)


def test_dangling_role_entity(fixture_dir: Path) -> None:
    def dangle(records: list[dict[str, Any]]) -> None:
        record(records, "wang-yi")["roles"][0]["entity"] = "VNM"

    edit(fixture_dir, "people.json", dangle)
    with pytest.raises(DataError, match=r"record 'wang-yi', field roles\[0\]\.entity: unknown partner id 'VNM'"):
        vd.load(fixture_dir)


def test_evidence_citing_an_unknown_source(fixture_dir: Path) -> None:
    def mis_cite(records: list[dict[str, Any]]) -> None:
        record(records, "JP")["tier_history"][0]["evidence"][0]["source"] = "nhk-2023"

    edit(fixture_dir, "partners.json", mis_cite)
    with pytest.raises(
        DataError,
        match=r"record 'JP', field tier_history\[0\]\.evidence\[0\]\.source: evidence cites unknown source 'nhk-2023'",
    ):
        vd.load(fixture_dir)


def test_record_without_evidence(fixture_dir: Path) -> None:
    def strip(records: list[dict[str, Any]]) -> None:
        records[0]["evidence"] = []

    edit(fixture_dir, "agreements.json", strip)
    with pytest.raises(DataError, match="record 'evfta', field evidence: Tuple should have at least 1 item"):
        vd.load(fixture_dir)


def test_ambiguous_names(fixture_dir: Path) -> None:
    def clash(records: list[dict[str, Any]]) -> None:
        record(records, "GB")["aliases"].append("U.S.")

    edit(fixture_dir, "partners.json", clash)
    with pytest.raises(DataError, match="folds to 'us', which already names 'GB'; lookup would be ambiguous"):
        vd.load(fixture_dir)


def test_a_failed_load_leaves_the_bundled_data_untouched(fixture_dir: Path) -> None:
    before = vd.partners
    (fixture_dir / "partners.json").write_text("[", encoding="utf-8")
    with pytest.raises(DataError):
        vd.load(fixture_dir)
    assert vd.load() is vd.load()
    assert vd.partners is before


def test_a_lazy_dataset_validates_the_other_five_files_on_first_use_and_again_after_a_failure(
    fixture_dir: Path, fixture_data: vd.Dataset
) -> None:
    """The bundled data's way of loading, on a copy: a broken people.json fails each use of the five, not partners."""
    # Private on purpose: only bundled() loads lazily, and the installed package's own files are not ours to break.
    from vn_diplomacy.loader import _read_dataset  # pyright: ignore[reportPrivateUsage]  # as the line above says

    dataset = _read_dataset(fixture_dir, "copy", lazy=True)
    good = (fixture_dir / "people.json").read_bytes()
    (fixture_dir / "people.json").write_text('[{"id": 1}]', encoding="utf-8")  # after sources and partners were read
    assert dataset.partners.get("US").name == "United States"
    for name in ("people", "engagements", "claims"):  # each use fails the same way: nothing half-made is kept
        with pytest.raises(DataError, match=r"^copy/people\.json, record #0, field id: Input should be a valid string"):
            _ = dataset[name]
    (fixture_dir / "people.json").write_bytes(good)
    assert dataset.people.get("bui-thanh-son").name == "Bùi Thanh Sơn"
    assert dataset.engagements is dataset.engagements
    assert list(dataset.engagements) == list(fixture_data.engagements)


def test_threads_first_using_a_lazy_dataset_at_once_get_one_set_of_collections(
    fixture_dir: Path, fixture_data: vd.Dataset
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    # Private on purpose, as in the test above: the lock under test guards bundled()'s lazy groups.
    from vn_diplomacy.loader import _read_dataset  # pyright: ignore[reportPrivateUsage]  # as the line above says

    dataset = _read_dataset(fixture_dir, "copy", lazy=True)

    def people_of(_: int) -> Collection[Person]:
        return dataset.people

    with ThreadPoolExecutor(8) as pool:
        people = list(pool.map(people_of, range(16)))
    assert all(collection is people[0] for collection in people)
    assert people[0].ids == fixture_data.people.ids


def test_an_eager_load_reports_a_broken_people_file_before_returning(fixture_dir: Path) -> None:
    (fixture_dir / "people.json").write_text("[", encoding="utf-8")
    with pytest.raises(DataError, match=r"people\.json: malformed JSON"):
        vd.load(fixture_dir)


def test_error_counts_further_problems(fixture_dir: Path) -> None:
    def break_two(records: list[dict[str, Any]]) -> None:
        records[0]["kind"] = "planet"
        records[1]["kind"] = "moon"

    edit(fixture_dir, "partners.json", break_two)
    with pytest.raises(DataError, match=r"record 'CN', field kind: .*got: 'planet' \(and 1 more error\)$"):
        vd.load(fixture_dir)


def test_records_of_a_large_file_do_not_share_their_fields_sets(fixture_dir: Path) -> None:
    """pydantic hands `model_fields_set` out live: a set shared between records (as loads of files over 1 MiB
    once did, to save memory) let a change to one record's change `exclude_unset` dumps of all, in later loads too."""
    original = (fixture_dir / "engagements.json").read_text(encoding="utf-8")
    engagements = json.loads(original)
    times = (1 << 20) // len(original.encode()) + 1  # copies enough to pass 1 MiB
    copies = [
        {**engagement, "id": f"{engagement['id']}-copy-{n}", "title": f"{engagement['title']} (copy {n})"}
        for n in range(times)
        for engagement in engagements
    ]
    text = json.dumps(copies, ensure_ascii=False, indent=2)
    assert len(text.encode()) > 1 << 20  # as large as the old sharing path needed
    (fixture_dir / "engagements.json").write_text(text, encoding="utf-8")
    loaded = vd.load(fixture_dir).engagements
    assert len(loaded) == len(copies)
    first, second = loaded.get(copies[0]["id"]), loaded.get(copies[len(engagements)]["id"])
    assert first.model_fields_set == second.model_fields_set
    before = second.model_dump(exclude_unset=True)
    first.model_fields_set.discard("title")  # what a careless caller may do to one record
    assert second.model_dump(exclude_unset=True) == before
    assert vd.load(fixture_dir).engagements.get(copies[0]["id"]).model_dump(exclude_unset=True)["title"]


def test_dates_are_shared_only_while_a_load_runs(fixture_dir: Path) -> None:
    """Equal dates are one object within a load, and never outside one, after it succeeds or fails."""

    def shared_outside_a_load() -> bool:
        # The written form, as in a file: a load shares those (`PartialDate.parse` gives the dict form, which a
        # load shares only with an inference, so it would not show a leak).
        return vd.PartialDate.model_validate("2024") is vd.PartialDate.model_validate("2024")

    assert not shared_outside_a_load()
    vd.load(fixture_dir)
    assert not shared_outside_a_load()

    def break_people(records: list[dict[str, Any]]) -> None:
        records[0]["roles"][0]["as_of"] = "2024-02-30"

    edit(fixture_dir, "people.json", break_people)
    with pytest.raises(DataError, match=r"people\.json"):
        vd.load(fixture_dir)
    assert not shared_outside_a_load()
