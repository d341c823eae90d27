"""Every quote as a W3C Web Annotation: its article's address as the target, the record it supports as the body.

One annotation per piece of evidence, in JSON-LD as the W3C Web Annotation Data Model writes it
(https://www.w3.org/TR/annotation-model/), gathered in one `AnnotationCollection`. Each target names the article's
published address and selects the quote twice: a `TextQuoteSelector` (the exact words, with up to 32 characters
before and after them) and a `TextPositionSelector` (its character offsets in the article's text). Building the
quote selectors needs the articles themselves, which do not ship with the package: `annotation_collection` takes
their folder, and refuses one that `verify` finds at odds with the data.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Final
from urllib.parse import quote as percent_encoded

from vn_diplomacy.errors import DataError
from vn_diplomacy.records.walk import evidence_in
from vn_diplomacy.registry import FILES
from vn_diplomacy.verify import verify_report
from vn_diplomacy.versions import DATA_VERSION

if TYPE_CHECKING:
    import os

    from vn_diplomacy.dataset import Dataset
    from vn_diplomacy.records.base import Record

__all__ = ["CONTEXT", "CONTEXT_CHARACTERS", "FILE", "annotation_collection", "record_iri", "resource"]

CONTEXT: Final = "http://www.w3.org/ns/anno.jsonld"
"""The JSON-LD context of the Web Annotation Data Model."""
CONTEXT_CHARACTERS: Final = 32
"""How many characters of the article a `TextQuoteSelector` gives before (`prefix`) and after (`suffix`) a quote."""


FILE: Final = "annotations.jsonld"
"""The file `vn_diplomacy.export.export` writes the annotations to."""


def resource(content: bytes) -> dict[str, object]:
    """The data package resource that describes the annotations file whose bytes are `content`."""
    return {
        "name": "annotations",
        "path": FILE,
        "format": "jsonld",
        "mediatype": "application/ld+json",
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
        "profile": "data-resource",
        "description": "Every quote as a W3C Web Annotation, anchored in its article by quote and by position.",
    }


def record_iri(collection: str, record_id: str) -> str:
    """The IRI an annotation's body gives a record, e.g. ``urn:vn-diplomacy:engagements:2025-07-11-son-rubio``."""
    return f"urn:vn-diplomacy:{collection}:{percent_encoded(record_id, safe='')}"


def annotation_collection(dataset: Dataset, articles: str | os.PathLike[str]) -> dict[str, object]:
    """Every piece of evidence of `dataset` as a Web Annotation, in one `AnnotationCollection` (JSON-LD).

    Args:
        dataset: The data whose quotes to write, e.g. ``vd.load()``.
        articles: The folder of the article files (as `verify` takes it).

    Raises:
        DataError: `articles` is not a folder, or an article there is missing or not the text the quotes were
            taken from (run ``vn-diplomacy verify`` on it to see each problem).

    Examples:
        >>> import vn_diplomacy as vd
        >>> collection = annotation_collection(vd.load(), "tests/corpus")
        >>> first = collection["first"]["items"][0]
        >>> [selector["type"] for selector in first["target"]["selector"]]
        ['TextQuoteSelector', 'TextPositionSelector']
    """
    checked = verify_report(articles, dataset)
    if checked.problems:
        count = len(checked.problems)
        raise DataError(
            f"{count} problem{'s' if count != 1 else ''} with the articles, e.g. {checked.problems[0]}; "
            f"annotations anchor each quote in its article: run 'vn-diplomacy verify {articles}' to see them all",
            file=str(articles),
        )
    texts = checked.texts  # read once, by verify, through its guards (regular files, a sane size, UTF-8)
    urls = {source.id: source.url for source in dataset.sources}
    items: list[dict[str, object]] = []
    for name in FILES:
        for record in dataset[name]:
            for field, evidence in evidence_in(record):
                text = texts[evidence.source]
                start, end = evidence.start, evidence.end
                selectors = [
                    {
                        "type": "TextQuoteSelector",
                        "exact": evidence.quote,
                        "prefix": text[max(0, start - CONTEXT_CHARACTERS) : start],
                        "suffix": text[end : end + CONTEXT_CHARACTERS],
                    },
                    {"type": "TextPositionSelector", "start": start, "end": end},
                ]
                items.append(
                    {
                        "id": f"{record_iri(name, record.id)}:{percent_encoded(field, safe='')}",
                        "type": "Annotation",
                        "motivation": "describing",
                        "body": [
                            {"id": record_iri(name, record.id)},
                            {
                                "type": "TextualBody",
                                "purpose": "describing",
                                "format": "text/plain",
                                "language": "en",
                                "value": f"{_label(name, record)}: the quote of {field}",
                            },
                        ],
                        "target": {"source": urls[evidence.source], "selector": selectors},
                    }
                )
    return {
        "@context": CONTEXT,
        "id": f"urn:vn-diplomacy:annotations:{DATA_VERSION}",
        "type": "AnnotationCollection",
        "label": f"The quotes of vn_diplomacy, data version {DATA_VERSION}, anchored in their articles",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _label(collection: str, record: Record) -> str:
    names = record.names()
    return f"{collection} {record.id}" + (f" ({names[0]})" if names else "")
