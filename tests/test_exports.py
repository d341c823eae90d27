"""Flat rows, pandas, the four export formats, the Frictionless data package, and the shipped JSON Schema."""

from __future__ import annotations

import csv
import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

import vn_diplomacy as vd
from vn_diplomacy.export import FORMATS, export
from vn_diplomacy.serialize import dumps
from vn_diplomacy.tables import SEPARATOR, columns

if TYPE_CHECKING:
    import jsonschema

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def data() -> vd.Dataset:
    return vd.load()


# --- flat rows ---------------------------------------------------------------------------------


def test_records_flatten_a_trade_figure(data: vd.Dataset) -> None:
    (row,) = [r for r in data.to_records("trade") if r["id"] == "vn-us-trade-2024-jan-aug"]
    assert row["value"] == Decimal("88000000000")
    assert (row["unit"], row["qualifier"], row["partner"]) == ("USD", "nearly", "US")
    assert (row["period_start"], row["period_end"]) == (datetime.date(2024, 1, 1), datetime.date(2024, 8, 31))
    assert row["change_percent"] == Decimal(22)
    evidence = json.loads(str(row["evidence"]))
    assert evidence[0]["source"] == "vov-2024-09-21-vn-us-political-trust"
    assert evidence == [e.model_dump() for e in vd.trade.get("vn-us-trade-2024-jan-aug").evidence]


def test_a_partial_date_becomes_four_columns(data: vd.Dataset) -> None:
    rows = {r["id"]: r for r in data.to_records("engagements")}
    gathering = rows["2021-01-18-hcmc-vn-cn-diplomatic-ties-gathering"]  # the article gives only "January 18"
    assert (gathering["start"], gathering["start_earliest"]) == ("2021-01-18", datetime.date(2021, 1, 18))
    assert gathering["start_inference"]
    bounded = rows["2021-spokesperson-verify-china-missile-base"]  # reported by 17 April 2021: a range to then
    assert (bounded["start"], bounded["start_earliest"], bounded["start_latest"]) == (
        "2021-01-01/2021-04-17",
        datetime.date(2021, 1, 1),
        datetime.date(2021, 4, 17),
    )
    for r in rows.values():
        engagement = vd.engagements.get(str(r["id"]))
        assert r["start"] == str(engagement.start)
        assert r["start_earliest"] == engagement.start.earliest
        assert r["start_latest"] == engagement.start.latest
        assert r["start_inference"] == engagement.start.inference
        assert r["partners"] == SEPARATOR.join(engagement.partners)


def test_derived_columns_answer_the_common_questions(data: vd.Dataset) -> None:
    partners = {r["id"]: r for r in data.to_records("partners")}
    assert partners["US"]["tier"] == "comprehensive-strategic"
    assert partners["AE"]["tier"] is None
    assert json.loads(str(partners["US"]["tier_history"]))[0]["date"] == "2013"
    people = {r["id"]: r for r in data.to_records("people")}
    assert people["bui-thanh-son"]["title"] == "Deputy Prime Minister and Foreign Minister"


def test_every_row_has_every_column_and_required_ones_are_filled(data: vd.Dataset) -> None:
    for collection in vd.FILES:
        table = columns(collection)
        rows = data.to_records(collection)
        assert len(rows) == len(data[collection])
        for row in rows:
            assert list(row) == [c.name for c in table]
            for column in table:
                if column.required:
                    assert row[column.name] not in (None, ""), (collection, row["id"], column.name)
                if column.enum is not None and row[column.name] is not None:
                    assert row[column.name] in column.enum


def test_a_list_item_holding_the_separator_is_refused_by_the_model() -> None:
    """ " | " joins list items in a table cell: the models refuse an item holding "|", so validate and export agree."""
    raw = vd.partners.get("US").model_dump(mode="json")
    with pytest.raises(ValidationError, match=r"aliases\.0"):
        vd.Partner.model_validate({**raw, "aliases": ["U.S. | USA"]})


def test_an_unknown_collection_is_a_query_error(data: vd.Dataset) -> None:
    with pytest.raises(vd.QueryError, match="unknown collection 'partner'; did you mean 'partners'"):
        data.to_records("partner")  # type: ignore[arg-type]  # the wrong name is the point
    with pytest.raises(vd.QueryError, match="unknown collection"):
        data.to_pandas("treaties")  # type: ignore[arg-type]  # likewise


def test_to_pandas(data: vd.Dataset) -> None:
    frame = data.to_pandas("engagements")
    assert frame.shape == (len(vd.engagements), len(columns("engagements")))
    assert list(frame["id"]) == list(vd.engagements.ids)
    trade = data.to_pandas("trade")
    values = dict(zip(trade["id"].tolist(), trade["value"].tolist(), strict=True))
    assert values["vn-us-trade-2024-jan-aug"] == Decimal("88000000000")


def test_pandas_is_imported_only_by_to_pandas() -> None:
    import subprocess
    import sys

    code = "import sys, vn_diplomacy as vd\nvd.load().to_records('partners')\nprint('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


# --- exports -----------------------------------------------------------------------------------


def test_json_export_is_the_data_files_and_loads_back(data: vd.Dataset, tmp_path: Path) -> None:
    export(data, tmp_path, "json")
    for collection, file in vd.FILES.items():
        assert (tmp_path / f"{collection}.json").read_text(encoding="utf-8") == dumps(data[collection])
        assert file == f"{collection}.json"
    again = vd.load(tmp_path)
    for collection in vd.FILES:
        assert tuple(again[collection]) == tuple(data[collection])


def test_jsonl_export_holds_one_record_per_line(data: vd.Dataset, tmp_path: Path) -> None:
    export(data, tmp_path, "jsonl")
    lines = (tmp_path / "engagements.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(vd.engagements)
    records = [vd.Engagement.model_validate_json(line) for line in lines]
    assert sorted(records, key=lambda e: e.id) == sorted(vd.engagements, key=lambda e: e.id)


def test_csv_export_flattens_as_documented(data: vd.Dataset, tmp_path: Path) -> None:
    export(data, tmp_path, "csv")
    with (tmp_path / "trade.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    row = rows["vn-us-trade-2024-jan-aug"]
    assert (row["value"], row["unit"], row["period_end"], row["compared_with"]) == (
        "88000000000",
        "USD",
        "2024-08-31",
        "2023",
    )
    with (tmp_path / "partners.csv").open(encoding="utf-8", newline="") as handle:
        partners = list(csv.DictReader(handle))
    assert len(partners) == len(vd.partners)
    assert next(p for p in partners if p["id"] == "US")["tier"] == "comprehensive-strategic"


def test_parquet_export_reads_back_typed(data: vd.Dataset, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    export(data, tmp_path, "parquet")
    table = pq.read_table(tmp_path / "trade.parquet")  # pyright: ignore[reportUnknownMemberType]  # pyarrow's stubs
    rows = {row["id"]: row for row in table.to_pylist()}
    assert rows["vn-us-trade-2024-jan-aug"]["value"] == Decimal("88000000000")
    assert rows["vn-us-trade-2024-jan-aug"]["period_end"] == datetime.date(2024, 8, 31)
    assert table.num_rows == len(vd.trade)


def test_an_unknown_format_is_a_query_error(data: vd.Dataset, tmp_path: Path) -> None:
    with pytest.raises(vd.QueryError, match="unknown export format 'xlsx'; choose one of json, jsonl, csv, parquet"):
        export(data, tmp_path, "xlsx")  # type: ignore[arg-type]  # the wrong name is the point
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_is_a_valid_frictionless_data_package(data: vd.Dataset, tmp_path: Path, fmt: str) -> None:
    from frictionless import validate

    articles = CORPUS if fmt == "annotations" else None
    paths = export(data, tmp_path, fmt, articles=articles)  # type: ignore[arg-type]  # parametrised over FORMATS
    descriptor = json.loads(paths[-1].read_text(encoding="utf-8"))
    files = ["annotations.jsonld"] if fmt == "annotations" else [f"{c}.{fmt}" for c in vd.FILES]
    assert [r["path"] for r in descriptor["resources"]] == files
    assert descriptor["version"] == vd.DATA_VERSION
    assert [s["title"] for s in descriptor["sources"]] == [s.title or s.id for s in vd.sources]
    assert [licence["name"] for licence in descriptor["licenses"]] == ["CC-BY-4.0"]  # the data's; see LICENSE
    report = validate(str(paths[-1]))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_the_data_package_checks_foreign_keys_and_hashes(data: vd.Dataset, tmp_path: Path) -> None:
    from frictionless import validate

    export(data, tmp_path, "csv")
    trade = tmp_path / "trade.csv"
    trade.write_text(trade.read_text(encoding="utf-8").replace(",US,", ",XX,"), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    kinds = {error[0] for error in report.flatten(["type"])}
    assert {"foreign-key", "hash-count"} <= kinds


def test_export_replaces_its_own_files_and_leaves_others(data: vd.Dataset, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "claims.csv").write_text("stale")
    export(data, tmp_path, "csv")
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "claims.csv").read_text(encoding="utf-8").startswith("id,statement,")


# --- JSON Schema -------------------------------------------------------------------------------


def schema_errors(schema: dict[str, object], instance: object) -> list[jsonschema.ValidationError]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    return list(validator.iter_errors(instance))  # pyright: ignore[reportUnknownMemberType, reportArgumentType]  # the stubs type instances narrowly


def test_the_shipped_schemas_are_up_to_date() -> None:
    from vn_diplomacy.schema import render

    for collection in vd.FILES:
        shipped = json.dumps(vd.json_schema(collection), indent=2, ensure_ascii=False) + "\n"
        assert shipped == render(collection), (
            f"schemas/{collection}.schema.json is stale; regenerate with "
            "python -c \"from vn_diplomacy.schema import write; write('src/vn_diplomacy/schemas')\""
        )


def test_an_independent_validator_accepts_the_bundled_data() -> None:
    import importlib_resources
    import jsonschema

    for collection, file in vd.FILES.items():
        schema = vd.json_schema(collection)
        jsonschema.Draft202012Validator.check_schema(schema)
        instance = json.loads((importlib_resources.files("vn_diplomacy") / "data" / file).read_text("utf-8"))
        errors = schema_errors(schema, instance)
        assert errors == [], (collection, errors[:1])


@pytest.mark.parametrize(
    ("collection", "change", "path"),
    [
        ("partners", {"kind": "nation"}, ["kind"]),
        ("partners", {"colour": "red"}, []),
        ("engagements", {"start": "July 2025"}, ["start"]),
        ("engagements", {"start": "late 2023-09"}, ["start"]),
        ("engagements", {"start": {"date": "2025", "why": "x"}}, ["start"]),
        ("trade", {"value": "eighty-eight billion"}, ["value"]),
        ("claims", {"evidence": []}, ["evidence"]),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(
    collection: vd.CollectionName, change: dict[str, object], path: list[str]
) -> None:
    from pydantic import ValidationError

    from vn_diplomacy.registry import entry
    from vn_diplomacy.serialize import canonical

    record = {**canonical(next(iter(vd.load()[collection]))), **change}
    errors = schema_errors(vd.json_schema(collection), [record])
    assert errors
    assert list(errors[0].absolute_path)[1:] == path or path == []
    with pytest.raises(ValidationError):
        entry(collection).record.model_validate(record)


def test_all_schemas_at_once_and_an_unknown_name() -> None:
    schemas = vd.json_schema()
    assert list(schemas) == list(vd.FILES)
    assert schemas["trade"]["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    with pytest.raises(vd.QueryError, match="unknown collection 'engagement'; did you mean 'engagements'"):
        vd.json_schema("engagement")  # type: ignore[call-overload]  # the wrong name is the point


def test_without_the_extras_the_message_says_what_to_install(
    data: vd.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` raise ImportError
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(vd.QueryError, match=r"Parquet export needs pyarrow: pip install 'vn_diplomacy\[parquet\]'"):
        export(data, tmp_path, "parquet")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(vd.QueryError, match=r"to_pandas\(\) needs pandas: pip install 'vn_diplomacy\[pandas\]'"):
        data.to_pandas("partners")
