"""Exports are written safely: CSV quoted."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

import vn_diplomacy as vd
from vn_diplomacy.export import export

if TYPE_CHECKING:
    from pathlib import Path


def test_csv_quotes_line_ends_quotes_and_commas_inside_a_cell(data_dir: Path, tmp_path: Path) -> None:
    import pandas as pd

    claims = data_dir / "claims.json"
    records = json.loads(claims.read_text(encoding="utf-8"))
    texts = {
        records[0]["id"]: "one\rtwo",  # nothing else to quote for: Python before 3.13 left this cell bare
        records[1]["id"]: 'one\ntwo\r\nthree, "four"',
    }
    for record in records[:2]:
        record["statement"] = texts[record["id"]]
    claims.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    data = vd.load(data_dir)
    export(data, tmp_path, "csv")
    path = tmp_path / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(data.claims)
    statements = {row["id"]: row["statement"] for row in rows}
    assert {id_: statements[id_] for id_ in texts} == texts
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(frame) == len(data.claims)
    statements = dict(zip(frame["id"], frame["statement"], strict=True))
    assert {id_: statements[id_] for id_ in texts} == texts
    # Only the rows' own ends are "\n": the cells' line ends are kept as they are, inside quotes.
    text = path.read_bytes().decode("utf-8")
    assert text.count("\n") == 1 + len(data.claims) + sum(t.count("\n") for t in texts.values())
    assert '"one\rtwo"' in text


def test_csv_without_special_cells_is_as_before(tmp_path: Path) -> None:
    """Quoting only where needed: plain cells stay bare and lines end in "\n", as the earlier exports were."""
    export(vd.load(), tmp_path, "csv")
    first = (tmp_path / "trade.csv").read_bytes().split(b"\n")[0]
    assert first.startswith(b"id,metric,partner,value,unit,")
    assert b"\r" not in (tmp_path / "partners.csv").read_bytes()
