"""The errors cross process boundaries: each pickles to an equal-looking error, as a worker process sends it."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vn_diplomacy as vd
from vn_diplomacy.errors import DataError, NotFound, QueryError, VnDiplomacyError


def round_trip(error: VnDiplomacyError) -> VnDiplomacyError:
    """`error` after a trip through pickle, checked to be the same type with the same message and attributes."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert again.args == error.args
    assert vars(again) == vars(error)
    return again


def test_a_not_found_keeps_its_facts_and_its_message() -> None:
    error = NotFound("partner", "JA", ("JP", "JE"), how="id or name", labels={"JP": "Japan", "US": "United States"})
    again = round_trip(error)
    assert isinstance(again, NotFound)
    assert str(again) == "unknown partner id or name 'JA'; did you mean 'JP' (Japan) or 'JE'?"
    assert (again.kind, again.key, again.suggestions, again.how) == ("partner", "JA", ("JP", "JE"), "id or name")
    assert again.labels == {"JP": "Japan"}  # only the suggestions' labels: the message shows no others
    assert isinstance(again, KeyError)


def test_a_data_error_keeps_where_and_what() -> None:
    error = DataError("Input should be 'state'", file="data/partners.json", record="'AE'", field="kind")
    again = round_trip(error)
    assert isinstance(again, DataError)
    assert str(again) == "data/partners.json, record 'AE', field kind: Input should be 'state'"
    assert (again.file, again.record, again.field, again.reason) == (
        "data/partners.json",
        "'AE'",
        "kind",
        "Input should be 'state'",
    )


@pytest.mark.parametrize("error", [QueryError("end 2024-01-01 is before start 2025-01-01"), VnDiplomacyError()])
def test_the_other_errors_round_trip(error: VnDiplomacyError) -> None:
    round_trip(error)


def test_what_was_added_after_raising_travels_too() -> None:
    error = NotFound("person", "nobody", ())
    vars(error)["__notes__"] = ["while reading engagements --person nobody"]  # what add_note() does on 3.11+
    assert vars(round_trip(error))["__notes__"] == ["while reading engagements --person nobody"]


def test_the_real_errors_round_trip() -> None:
    with pytest.raises(NotFound) as missing:
        vd.partners.lookup("Japn")
    round_trip(missing.value)
    with pytest.raises(NotFound) as subject:
        vd.partners.lookup("Vietnam")  # a NotFound with a note
    copy = round_trip(subject.value)
    assert isinstance(copy, NotFound)
    assert copy.note == subject.value.note
    with pytest.raises(DataError) as invalid:
        vd.load("/nonexistent/vn-data")
    round_trip(invalid.value)


@st.composite
def not_founds(draw: st.DrawFn) -> NotFound:
    """A NotFound of any text, with labels for some of its suggestions (as the collections give) and others."""
    suggestions = tuple(draw(st.lists(st.text(), max_size=4)))
    labels = draw(st.dictionaries(st.text(), st.text(), max_size=3))
    labels |= draw(st.dictionaries(st.sampled_from(suggestions), st.text())) if suggestions else {}
    return NotFound(draw(st.text()), draw(st.text()), suggestions, how=draw(st.text()), labels=labels)


@given(not_founds())
def test_any_not_found_round_trips(error: NotFound) -> None:
    round_trip(error)


@given(message=st.text(), file=st.text(), record=st.none() | st.text(), field=st.none() | st.text())
def test_any_data_error_round_trips(message: str, file: str, record: str | None, field: str | None) -> None:
    round_trip(DataError(message, file=file, record=record, field=field))


def lookup_partner(text: str) -> str:
    """Run in a worker process: the partner's id, or the NotFound the lookup raises."""
    return vd.partners.lookup(text).id


def test_a_worker_process_raises_not_found_and_the_parent_receives_it_intact() -> None:
    with pytest.raises(NotFound) as here:
        lookup_partner("Japn")
    # "spawn": a fresh interpreter that imports this module, so nothing is shared with the parent but the pickle.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(lookup_partner, "Japan").result() == "JP"
        with pytest.raises(NotFound) as there:
            pool.submit(lookup_partner, "Japn").result()
    assert type(there.value) is NotFound
    assert str(there.value) == str(here.value) == "unknown partner id or name 'Japn'; did you mean 'JP' (Japan)?"
    assert (there.value.kind, there.value.key, there.value.suggestions) == ("partner", "Japn", ("JP",))
    assert vars(there.value) == vars(here.value)
