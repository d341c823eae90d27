"""vd.load(directory): a whole, valid dataset or a DataError that names the file, record and field."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import vn_diplomacy as vd
from vn_diplomacy import DataError
from vn_diplomacy.dates import SHARED_DATES

if TYPE_CHECKING:
    from pathlib import Path

    from vn_diplomacy import Collection, Person


def edit(folder: Path, file: str, change: Any) -> None:
    """Apply `change` to the parsed records of `file` and write them back."""
    path = folder / file
    records = json.loads(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def test_a_copy_of_the_bundled_data_loads_the_same(data_dir: Path) -> None:
    data = vd.load(data_dir)
    assert data.directory == str(data_dir)
    assert list(data.partners) == list(vd.partners)
    assert list(data.engagements) == list(vd.engagements)
    assert data.partners is not vd.partners
    assert vd.load(str(data_dir)).claims.ids == vd.claims.ids


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="the data directory does not exist") as info:
        vd.load(tmp_path / "nowhere")
    assert info.value.file.endswith("nowhere")


def test_a_file_is_not_a_directory(data_dir: Path) -> None:
    with pytest.raises(DataError, match="is not a directory"):
        vd.load(data_dir / "partners.json")


def test_missing_file(data_dir: Path) -> None:
    (data_dir / "claims.json").unlink()
    with pytest.raises(DataError, match=r"claims\.json: missing data file; a data directory holds sources\.json"):
        vd.load(data_dir)


def test_malformed_json(data_dir: Path) -> None:
    path = data_dir / "people.json"
    path.write_text(path.read_text(encoding="utf-8")[:500], encoding="utf-8")
    with pytest.raises(DataError, match=r"people\.json: malformed JSON") as info:
        vd.load(data_dir)
    assert info.value.record is None


def test_top_level_must_be_an_array(data_dir: Path) -> None:
    (data_dir / "trade.json").write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"trade\.json: the file must hold a JSON array of records"):
        vd.load(data_dir)


def test_unknown_field_names_file_record_and_field(data_dir: Path) -> None:
    def add_field(records: list[dict[str, Any]]) -> None:
        records[0]["nickname"] = "Uncle Sam"

    edit(data_dir, "partners.json", add_field)
    first = json.loads((data_dir / "partners.json").read_text(encoding="utf-8"))[0]["id"]
    with pytest.raises(DataError, match="Extra inputs are not permitted") as info:
        vd.load(data_dir)
    assert info.value.file.endswith("partners.json")
    assert info.value.record == repr(first)
    assert info.value.field == "nickname"


def test_wrong_type(data_dir: Path) -> None:
    def break_value(records: list[dict[str, Any]]) -> None:
        figure = next(r for r in records if r["id"] == "vn-us-trade-2024-jan-aug")
        figure["value"] = "eighty-eight billion"

    edit(data_dir, "trade.json", break_value)
    with pytest.raises(
        DataError, match=r"record 'vn-us-trade-2024-jan-aug', field value: .*got: 'eighty-eight billion'"
    ):
        vd.load(data_dir)


def test_bad_date(data_dir: Path) -> None:
    def break_date(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["id"] == "2023-09-10-biden-visit-vietnam")["end"] = "2023-02-30"

    edit(data_dir, "engagements.json", break_date)
    with pytest.raises(DataError, match=r"record '2023-09-10-biden-visit-vietnam', field end: .*day is out of range"):
        vd.load(data_dir)


def test_end_before_start(data_dir: Path) -> None:
    def reverse(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["id"] == "2023-09-10-biden-visit-vietnam")["end"] = "2023-09-01"

    edit(data_dir, "engagements.json", reverse)
    with pytest.raises(DataError, match="end 2023-09-01 is before start 2023-09-10"):
        vd.load(data_dir)


@pytest.mark.parametrize(
    ("file", "record_id", "field", "message"),
    [
        ("partners.json", "US", "tier_history", "tier_history must be ordered by the day each change"),
        ("people.json", "bui-thanh-son", "roles", "roles must be ordered by their as_of dates"),
    ],
)
def test_a_history_out_of_order(data_dir: Path, file: str, record_id: str, field: str, message: str) -> None:
    def swap(records: list[dict[str, Any]]) -> None:
        record = next(r for r in records if r["id"] == record_id)
        assert len(record[field]) > 1
        record[field].reverse()

    edit(data_dir, file, swap)
    with pytest.raises(DataError, match=rf"record '{record_id}'.*{message}"):
        vd.load(data_dir)


def test_one_role_or_tier_change_needs_no_order(data_dir: Path) -> None:
    def keep_last(records: list[dict[str, Any]]) -> None:
        son = next(r for r in records if r["id"] == "bui-thanh-son")
        son["roles"] = son["roles"][-1:]

    edit(data_dir, "people.json", keep_last)
    assert vd.load(data_dir).people.get("bui-thanh-son").title == vd.people.get("bui-thanh-son").title


def test_duplicate_id(data_dir: Path) -> None:
    def duplicate(records: list[dict[str, Any]]) -> None:
        records.append(dict(records[0]))

    edit(data_dir, "claims.json", duplicate)
    with pytest.raises(DataError, match=r"claims\.json, record .*: duplicate claim id"):
        vd.load(data_dir)


def test_dangling_partner_reference(data_dir: Path) -> None:
    def dangle(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["id"] == "2025-07-11-son-iwaya")["partners"] = ["JA"]

    edit(data_dir, "engagements.json", dangle)
    with pytest.raises(DataError, match=r"record '2025-07-11-son-iwaya', field partners\[0\]: unknown partner id 'JA'"):
        vd.load(data_dir)


def test_dangling_person_reference(data_dir: Path) -> None:
    def dangle(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["id"] == "2025-07-11-son-rubio")["people"] = ["bui-thanh-son", "marco-rubbio"]

    edit(data_dir, "engagements.json", dangle)
    with pytest.raises(DataError, match="unknown person id 'marco-rubbio'; did you mean 'marco-rubio'"):
        vd.load(data_dir)


def test_dangling_role_entity(data_dir: Path) -> None:
    def dangle(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["id"] == "to-lam")["roles"][0]["entity"] = "VNM"

    edit(data_dir, "people.json", dangle)
    with pytest.raises(DataError, match=r"record 'to-lam', field roles\[0\]\.entity: unknown partner id 'VNM'"):
        vd.load(data_dir)


def test_evidence_citing_an_unknown_source(data_dir: Path) -> None:
    def mis_cite(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["id"] == "JP")["tier_history"][0]["evidence"][0]["source"] = "nhk-2023"

    edit(data_dir, "partners.json", mis_cite)
    with pytest.raises(DataError, match=r"record 'JP', field tier_history\[0\]\.evidence\[0\]\.source: evidence cites"):
        vd.load(data_dir)


def test_record_without_evidence(data_dir: Path) -> None:
    def strip(records: list[dict[str, Any]]) -> None:
        records[0]["evidence"] = []

    edit(data_dir, "agreements.json", strip)
    with pytest.raises(DataError, match="field evidence: Tuple should have at least 1 item"):
        vd.load(data_dir)


def test_ambiguous_names(data_dir: Path) -> None:
    def clash(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["id"] == "GB")["aliases"].append("U.S.")

    edit(data_dir, "partners.json", clash)
    with pytest.raises(DataError, match="folds to 'us', which already names 'GB'; lookup would be ambiguous"):
        vd.load(data_dir)


def test_a_failed_load_leaves_the_bundled_data_untouched(data_dir: Path) -> None:
    before = vd.partners
    (data_dir / "partners.json").write_text("[", encoding="utf-8")
    with pytest.raises(DataError):
        vd.load(data_dir)
    assert vd.load() is vd.load()
    assert vd.partners is before


def test_a_lazy_dataset_validates_the_other_five_files_on_first_use_and_again_after_a_failure(data_dir: Path) -> None:
    """The bundled data's way of loading, on a copy: a broken people.json fails each use of the five, not partners."""
    from vn_diplomacy.dataset import _read_dataset  # pyright: ignore[reportPrivateUsage]  # bundled() calls it lazily

    dataset = _read_dataset(data_dir, "copy", lazy=True)
    good = (data_dir / "people.json").read_bytes()
    (data_dir / "people.json").write_text('[{"id": 1}]', encoding="utf-8")  # after sources and partners were read
    assert dataset.partners.get("US").name == "United States"
    for name in ("people", "engagements", "claims"):  # each use fails the same way: nothing half-made is kept
        with pytest.raises(DataError, match=r"^copy/people\.json, record #0, field id: Input should be a valid string"):
            getattr(dataset, name)
    (data_dir / "people.json").write_bytes(good)
    assert dataset.people.get("bui-thanh-son").name == "Bùi Thanh Sơn"
    assert dataset.engagements is dataset.engagements
    assert list(dataset.engagements) == list(vd.engagements)


def test_threads_first_using_a_lazy_dataset_at_once_get_one_set_of_collections(data_dir: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from vn_diplomacy.dataset import _read_dataset  # pyright: ignore[reportPrivateUsage]  # as above

    dataset = _read_dataset(data_dir, "copy", lazy=True)

    def people_of(_: int) -> Collection[Person]:
        return dataset.people

    with ThreadPoolExecutor(8) as pool:
        people = list(pool.map(people_of, range(16)))
    assert all(collection is people[0] for collection in people)
    assert len(people[0]) == len(vd.people)


def test_an_eager_load_reports_a_broken_people_file_before_returning(data_dir: Path) -> None:
    (data_dir / "people.json").write_text("[", encoding="utf-8")
    with pytest.raises(DataError, match=r"people\.json: malformed JSON"):
        vd.load(data_dir)


def test_error_counts_further_problems(data_dir: Path) -> None:
    def break_two(records: list[dict[str, Any]]) -> None:
        records[0]["kind"] = "planet"
        records[1]["kind"] = "moon"

    edit(data_dir, "partners.json", break_two)
    with pytest.raises(DataError, match=r"\(and 1 more error\)"):
        vd.load(data_dir)


def test_records_of_a_large_file_do_not_share_their_fields_sets(data_dir: Path) -> None:
    """pydantic hands `model_fields_set` out live: a set shared between records (as loads of files over 1 MiB
    once did, to save memory) let a change to one record's change `exclude_unset` dumps of all, in later loads too."""
    bundled = json.loads((data_dir / "engagements.json").read_text(encoding="utf-8"))
    copies = [
        {**record, "id": f"{record['id']}-copy-{n}", "title": f"{record['title']} (copy {n})"}
        for n in range(20)
        for record in bundled
    ]
    text = json.dumps(copies, ensure_ascii=False, indent=2)
    assert len(text.encode()) > 1 << 20  # as large as the old sharing path needed
    (data_dir / "engagements.json").write_text(text, encoding="utf-8")
    loaded = vd.load(data_dir).engagements
    assert len(loaded) == len(copies)
    first, second = loaded.get(copies[0]["id"]), loaded.get(copies[len(bundled)]["id"])
    assert first.model_fields_set == second.model_fields_set
    before = second.model_dump(exclude_unset=True)
    first.model_fields_set.discard("title")  # what a careless caller may do to one record
    assert second.model_dump(exclude_unset=True) == before
    assert vd.load(data_dir).engagements.get(copies[0]["id"]).model_dump(exclude_unset=True)["title"]


def test_dates_are_shared_only_while_a_load_runs(data_dir: Path) -> None:
    """The sharing dict is set for the span of one load, reset after it whether it succeeds or fails."""
    assert SHARED_DATES.get() is None
    assert vd.PartialDate.parse("2024") is not vd.PartialDate.parse("2024")  # outside a load: no sharing
    vd.load(data_dir)
    assert SHARED_DATES.get() is None

    def break_people(records: list[dict[str, Any]]) -> None:
        records[0]["roles"][0]["as_of"] = "2024-02-30"

    edit(data_dir, "people.json", break_people)
    with pytest.raises(DataError, match=r"people\.json"):
        vd.load(data_dir)
    assert SHARED_DATES.get() is None
