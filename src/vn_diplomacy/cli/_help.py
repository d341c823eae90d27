"""The command line's words: its commands and options, and the `HELP` text `--help` prints, fitted to 80 columns.

Built when imported, with no import at all (not argparse, not typing, not re): `--help` costs little more than
a bare interpreter. The parser (`_parser`) is built from the same tables.
"""

__all__ = ["COMMANDS", "DESCRIPTION", "FORMATS", "HELP", "OPTIONS", "PROG", "TIERS"]

PROG = "vn-diplomacy"

TIERS = ("comprehensive-strategic", "strategic", "comprehensive")
"""The values `--tier` takes: those of `vn_diplomacy.Tier` (a test keeps the two the same)."""

FORMATS = ("json", "jsonl", "csv", "parquet", "annotations")
"""The values `export --format` takes: those of `vn_diplomacy.export.FORMATS`."""

COMMANDS = {
    "overview": "a readable summary: partners by tier, the latest engagements, the trade figures",
    "partners": "list partners with their tier (the latest known, or on --on's day)",
    "partner": "one partner in full: tier history, relations, facts, engagements, with quotes",
    "people": "list people with their country and latest title",
    "person": "one person in full: roles over time and engagements, with quotes",
    "engagements": "list meetings, visits, calls and other engagements, oldest first",
    "engagement": "one engagement in full: what was discussed, agreed, proposed and stated, each with its quotes",
    "trade": "list trade figures",
    "agreements": "list treaties, agreements, memoranda and joint statements with their status",
    "agreement": "one agreement in full: status and how it is known, what the articles say of it, with quotes",
    "claims": "list the articles' aggregate statements",
    "claim": "one aggregate statement with its figure, partners and quotes",
    "discrepancies": "list where the articles disagree, and the reading the data follows",
    "discrepancy": "one disagreement: each reading with its quotes, the one the data follows, and why",
    "sources": "list the source articles",
    "source": "one source article: its address, file, sha256 and how often the data quotes it",
    "search": "find every record whose names, text, statements or quotes hold the words given",
    "export": "write every collection to files with a Frictionless datapackage.json, or the quotes as Web Annotations",
    "validate": "check a data directory exactly as vn_diplomacy.load(DIR) does",
    "verify": "check the quotes against a folder of the articles: each file's sha256, each quote at its offsets",
}
"""Each subcommand and its one-line summary, in the order `--help` lists them."""

DESCRIPTION = "Vietnam's foreign relations from official articles, every fact with its quote."

OPTIONS = {
    "-h, --help": "show this help message and exit (COMMAND --help: that command's options)",
    "--version": "print the package and data versions and exit",
    "--data DIR": "read the data from DIR (a JSON file per collection, checked as `validate` does)",
    "--color WHEN": "colour: auto (on a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it), always, never",
}

EPILOG = """examples:
  vn-diplomacy partners --tier comprehensive-strategic --on 2024-03-19
  vn-diplomacy partner "United States"
  vn-diplomacy engagements --person "Bui Thanh Son" --from 2025-07
  vn-diplomacy trade --json
  vn-diplomacy search railways
  vn-diplomacy agreements --status under-negotiation
  vn-diplomacy export --format csv --out vn-data
  vn-diplomacy export --format annotations --articles tests/corpus --out notes
  vn-diplomacy validate my-data/
  vn-diplomacy verify tests/corpus

on a terminal: colour (see --color), and a table cuts each long id a command
takes to its first words that start no other id, marked "…" (a table still too
wide prints a block per record, its id whole); a command that takes an id takes
any start of one (4 characters or more) no other id shares; an exact id or name
always wins. Piped or written to a file: whole ids, and colour only if asked
for; csv, json and jsonl are never coloured.

dates: as precise as the article (2023, late 2023, 2023-09, 2023-09-10); A/B:
from A to B (ISO 8601), the days an engagement or period covers or a date the
article bounds may be; "(inferred)": worked out, not stated (--json says how).
Tiers: "stated: set up 2013", "attested: in force 2023" (set-up undated),
"inferred", "unknown".

exit status: 0 on success, 1 when the data has no answer (unknown name, invalid
data) or verify finds a quote or article that does not hold, 2 for wrong usage
(a start of an id that several ids share too)"""

_COLUMN = max(len(name) for name in (*COMMANDS, *OPTIONS)) + 2  # where the summaries start
_WIDTH = 79  # the help fits an 80-column terminal


def _entry(name: str, summary: str) -> str:
    """`name` and its summary, wrapped at word boundaries to `_WIDTH` under the summaries' column (no textwrap:
    its import of `re` would cost `--help` more than the help itself)."""
    lines = [f"  {name:<{_COLUMN}}"]
    for word in summary.split(" "):
        if len(lines[-1]) + len(word) > _WIDTH and not lines[-1].isspace():
            lines[-1] = lines[-1].rstrip()
            lines.append(" " * (_COLUMN + 2))
        lines[-1] += word + " "
    return "\n".join(line.rstrip() for line in lines)


HELP = "\n".join(
    [
        f"usage: {PROG} [-h] [--version] [--data DIR] [--color WHEN] [COMMAND ...]",
        "",
        DESCRIPTION,
        "",
        "commands:",
        *(_entry(name, summary) for name, summary in COMMANDS.items()),
        "",
        "options:",
        *(_entry(flags, text) for flags, text in OPTIONS.items()),
        "",
        EPILOG,
    ]
)
"""What `vn-diplomacy --help` prints (no COMMAND runs `overview`)."""
