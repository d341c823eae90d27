"""The timeline chart: each partner's partnership tiers and engagements over time, drawn from the bundled data.

Altair builds a Vega-Lite specification and vl-convert renders it to SVG at build time, with no browser, script
or network, so the chart shows offline and the same data gives the same bytes. The tier is the hue (Okabe-Ito
colours, told apart by colour-blind readers too); how the tier is known is the bar's style, never a lighter
shade of a colour: filled when an article dates its set-up (stated), outlined when an article only says it was in
force (attested), outlined with dashes when the tier is deduced (inferred). Each mark carries an SVG `<title>`
with its details and quote, which a browser shows on hover once the SVG is part of the page (`html()`), not an
image. The chart is built from Altair's schema classes rather than its chained methods, which are not typed.
"""

from __future__ import annotations

import datetime
import functools
import xml.etree.ElementTree as ET
from typing import Final, Literal

import altair as alt
import timeline_rows  # a sibling module: ProperDocs puts this folder on sys.path while it loads the hook
import vl_convert as vlc

import vn_diplomacy as vd

__all__ = ["MARKER", "caption", "html", "svg"]

MARKER: Final = "<!-- the timeline chart -->"
"""An HTML comment on a line of its own in a page's Markdown: the docs hook puts the chart (`html()`) there."""

SVG: Final = "http://www.w3.org/2000/svg"
LABELS: Final = 124  # px, the partner names' column
PLOT: Final = 532  # px, the time axis: with LABELS and Vega's padding the chart fits the docs' 688 px column
ROW: Final = 30
BAR: Final = 12
LANE: Final = 6  # px: a tier's bar sits this far above its row's middle, the engagements as far below
SHORTEST_SPAN: Final = 5  # px: an engagement over fewer is drawn as a point
FONT: Final = 13  # px, every text's size (the title's one more)
INK: Final = "#222"
ENGAGEMENT: Final = "#333"
COLOURS: Final = {  # Okabe-Ito: distinct in hue and lightness, for colour-blind readers too
    vd.Tier.COMPREHENSIVE: "#E69F00",
    vd.Tier.STRATEGIC: "#009E73",
    vd.Tier.COMPREHENSIVE_STRATEGIC: "#0072B2",
}
BASIS_WORDS: Final = {  # how a tier is known, drawn as a bar's style (`_tier_mark`)
    vd.Basis.STATED: "stated: an article dates the set-up",
    vd.Basis.ATTESTED: "attested: in force by then, start undated",
    vd.Basis.INFERRED: "inferred: deduced, not read",
}
TITLE: Final = "Vietnam's partnership tiers and engagements per partner, as the articles date them"

ET.register_namespace("", SVG)


def _tier_mark(basis: vd.Basis, y_offset: float = 0, *, aria: bool = True) -> alt.MarkDef:
    """A tier's bar: filled when stated, outlined when attested, outlined with dashes when inferred."""
    if basis is vd.Basis.STATED:
        return alt.MarkDef(type="bar", height=BAR, yOffset=y_offset, aria=aria)
    inferred = basis is vd.Basis.INFERRED
    return alt.MarkDef(
        type="bar",
        height=BAR,
        yOffset=y_offset,
        filled=False,
        fill="white",
        strokeWidth=2 if inferred else 2.5,
        strokeDash=[5, 3] if inferred else [1, 0],
        aria=aria,
    )


def _point_mark(y_offset: float = 0, *, aria: bool = True) -> alt.MarkDef:
    """An engagement on days too few to draw as a span."""
    return alt.MarkDef(
        type="point",
        shape="circle",
        size=60,
        filled=True,
        color=ENGAGEMENT,
        stroke="white",
        strokeWidth=1,
        opacity=1,
        yOffset=y_offset,
        aria=aria,
    )


def _year_axis(first: datetime.date, last: datetime.date, orient: Literal["top", "bottom"]) -> alt.Axis:
    """Years as labels centred on their span, with a grid line where each begins."""
    years = range(first.year, last.year)
    return alt.Axis(
        orient=orient,
        values=[alt.DateTime(year=year, month=1, date=1, utc=True) for year in years],
        labelExpr="utcFormat(datum.value, '%Y')",
        labelOffset=PLOT / len(years) / 2,
        labelFontSize=FONT,
        labelColor=INK,
        labelOverlap=False,
        labelFlush=False,
        title=None,
        ticks=False,
        domain=False,
        gridColor="#ddd",
    )


def _main() -> alt.LayerChart:
    """The chart itself: a row per partner, its tiers above the row's middle, its engagements below."""
    partners = timeline_rows.partners()
    first, last = timeline_rows.bounds(partners)
    labels = [timeline_rows.label(partner) for partner in partners]
    assert len(set(labels)) == len(labels), labels  # one row per partner
    shortest = datetime.timedelta(days=SHORTEST_SPAN * (last - first).days / PLOT)
    tiers = alt.InlineData(values=[r for p in partners for r in timeline_rows.tier_rows(p, last)])
    engagements = alt.InlineData(values=[r for p in partners for r in timeline_rows.engagement_rows(p, shortest)])
    colour = alt.Scale(domain=[t.label for t in COLOURS], range=list(COLOURS.values()))
    utc = alt.Scale(type="utc", domain=[first.isoformat(), last.isoformat()], nice=False)
    names = alt.Axis(
        labelFontSize=FONT,
        labelColor=INK,
        labelLimit=LABELS,
        minExtent=LABELS,  # a fixed width, whatever fonts measure the names
        maxExtent=LABELS,
        ticks=False,
        domain=False,
        grid=True,
        bandPosition=0,  # a line between rows, not through them
        gridColor="#eee",
    )
    y = alt.Y("row:N", sort=labels, title=None, axis=names)
    description = alt.Description("hover:N")  # Vega writes it as the mark's aria-label; `_titled` makes it a title

    def x(field: str, orient: Literal["top", "bottom"] | None = None) -> alt.X:
        """Time along x; only the layers given `orient` draw years, so each axis is drawn once."""
        axis = None if orient is None else _year_axis(first, last, orient)
        return alt.X(field, type="temporal", scale=utc, axis=axis)

    uncertain = [alt.FilterTransform(filter="datum.earliest < datum.start")]
    layers = [
        # The other days a tier's date can mean, before it surely counts: a line in its colour, capped where they begin.
        alt.Chart(
            tiers,
            mark=alt.MarkDef(type="rule", strokeWidth=2, yOffset=-LANE),
            encoding=alt.FacetedEncoding(
                x=x("earliest", "top"),
                x2=alt.X2("start"),
                y=y,
                stroke=alt.Stroke("tier:N", scale=colour, legend=None),
                description=description,
            ),
            transform=uncertain,
        ),
        alt.Chart(
            tiers,
            mark=alt.MarkDef(type="tick", height=BAR, thickness=2, yOffset=-LANE, aria=False),
            encoding=alt.FacetedEncoding(
                x=x("earliest", "bottom"), y=y, color=alt.Color("tier:N", scale=colour, legend=None)
            ),
            transform=uncertain,
        ),
        *(
            alt.Chart(
                tiers,
                mark=_tier_mark(basis, -LANE),
                encoding=alt.FacetedEncoding(
                    x=x("start"),
                    x2=alt.X2("end"),
                    y=y,
                    fill=alt.Fill("tier:N", scale=colour, legend=None)
                    if basis is vd.Basis.STATED
                    else alt.FillValue("white"),
                    stroke=alt.Stroke("tier:N", scale=colour, legend=None),
                    description=description,
                ),
                transform=[alt.FilterTransform(filter=f"datum.basis == '{basis.value}'")],
            )
            for basis in BASIS_WORDS
        ),
        alt.Chart(
            engagements,
            mark=alt.MarkDef(type="bar", height=5, yOffset=LANE + 2, color=ENGAGEMENT),
            encoding=alt.FacetedEncoding(x=x("begin"), x2=alt.X2("finish"), y=y, description=description),
            transform=[alt.FilterTransform(filter="!datum.point")],
        ),
        alt.Chart(
            engagements,
            mark=_point_mark(LANE + 2),
            encoding=alt.FacetedEncoding(x=x("middle"), y=y, description=description),
            transform=[alt.FilterTransform(filter="datum.point")],
        ),
    ]
    independent = alt.Resolve(axis=alt.AxisResolveMap(x="independent"))  # the years above and below
    return alt.LayerChart(layer=layers, resolve=independent, width=PLOT, height=ROW * len(partners))


def _key() -> alt.LayerChart:
    """The legend, in words, drawn with the chart's own marks: tier by colour, how it is known by style, the rest."""
    step, swatch, second, grey = 20, 22, 300, "#555"  # second: the left edge of the second column
    # Positions from the chart's left edge, LABELS px left of the plot that the legend's own plot lines up with.
    x = alt.X("x:Q", scale=alt.Scale(domain=[LABELS, LABELS + PLOT], nice=False, zero=False), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[-step / 2, 8 * step], nice=False, reverse=True), axis=None)
    span = alt.X2("x2")

    def at(left: float, line: float, mark: alt.MarkDef, encoding: alt.FacetedEncoding) -> alt.Chart:
        """A legend line's symbol, `left` px from the chart's edge on line `line` (a line is `step` px)."""
        row = {"x": left, "x2": left + swatch, "y": line * step}
        return alt.Chart(alt.InlineData(values=[row]), mark=mark, encoding=encoding)

    headings = [(0.0, 0.0, "Tier, by colour"), (second, 0.0, "How it is known, by style"), (0.0, 4.5, "Other marks")]
    labels = [(swatch + 8.0, float(line), tier.label) for line, tier in enumerate(COLOURS, start=1)]
    labels += [(second + swatch + 8.0, float(line), words) for line, words in enumerate(BASIS_WORDS.values(), start=1)]
    others = [
        "the other days its date can mean, before the tier surely counts",
        "an engagement on a day (or on days too few to draw apart)",
        "an engagement's days, or all the days its date can mean",
    ]
    labels += [(swatch + 8.0, line, words) for line, words in zip((5.5, 6.5, 7.5), others, strict=True)]
    symbols = [
        *(
            at(
                0,
                line,
                alt.MarkDef(type="bar", height=BAR, color=hue, aria=False),
                alt.FacetedEncoding(x=x, x2=span, y=y),
            )
            for line, hue in enumerate(COLOURS.values(), start=1)
        ),
        *(
            at(
                second,
                line,
                _tier_mark(basis, aria=False),
                alt.FacetedEncoding(
                    x=x,
                    x2=span,
                    y=y,
                    stroke=alt.StrokeValue(grey),
                    fill=alt.FillValue(grey if basis is vd.Basis.STATED else "white"),
                ),
            )
            for line, basis in enumerate(BASIS_WORDS, start=1)
        ),
        at(
            0,
            5.5,
            alt.MarkDef(type="rule", strokeWidth=2, color=grey, aria=False),
            alt.FacetedEncoding(x=x, x2=span, y=y),
        ),
        at(
            1,
            5.5,
            alt.MarkDef(type="tick", height=BAR, thickness=2, color=grey, aria=False),
            alt.FacetedEncoding(x=x, y=y),
        ),
        at(swatch / 2, 6.5, _point_mark(aria=False), alt.FacetedEncoding(x=x, y=y)),
        at(
            0,
            7.5,
            alt.MarkDef(type="bar", height=5, color=ENGAGEMENT, aria=False),
            alt.FacetedEncoding(x=x, x2=span, y=y),
        ),
    ]
    words = [
        alt.Chart(
            alt.InlineData(values=[{"x": left, "y": line * step, "text": text} for left, line, text in lines]),
            mark=alt.MarkDef(
                type="text",
                align="left",
                baseline="middle",
                fontSize=FONT,
                color=INK,
                fontWeight="bold" if lines is headings else "normal",
                aria=False,
            ),
            encoding=alt.FacetedEncoding(x=x, y=y, text=alt.Text("text:N")),
        )
        for lines in (headings, labels)
    ]
    return alt.LayerChart(layer=[*symbols, *words], width=PLOT, height=int(8.5 * step))


def _titled(text: str) -> ET.Element:
    """The SVG with each mark's details as a `<title>` child, which browsers show on hover.

    Vega writes a mark's `description` as its `aria-label` and nothing a browser shows on hover; a `<title>`
    is both the hover text and the accessible name, so it takes the label's place.
    """
    root = ET.fromstring(text)  # vl-convert's own output
    for element in root.iter():
        label = element.get("aria-label")
        if label is None or element.get("role") != "graphics-symbol" or element.tag == f"{{{SVG}}}g":
            continue  # not a mark: the chart, an axis (a group) or a legend symbol
        title = ET.Element(f"{{{SVG}}}title")
        title.text = label
        element.insert(0, title)
        del element.attrib["aria-label"]
    return root


@functools.cache
def _render() -> str:
    spec = alt.VConcatChart(
        vconcat=[_main(), _key()],
        spacing=16,
        title=alt.TitleParams(TITLE, anchor="start", fontSize=FONT + 1, color=INK),
        description=TITLE,
        config=alt.Config(view=alt.ViewConfig(stroke=None)),
    ).to_dict()
    # No base URL is allowed: the data is inline, and nothing may be fetched. Locales are fixed, not the machine's.
    return vlc.vegalite_to_svg(spec, allowed_base_urls=[], format_locale="en-US", time_format_locale="en-US")


def svg() -> str:
    """The chart as an SVG document."""
    return ET.tostring(_titled(_render()), encoding="unicode") + "\n"


def html() -> str:
    """The chart for a page: inline, so its titles show on hover, and scrolled rather than shrunk when too wide."""
    root = _titled(_render())
    root.set("style", "max-width: none")  # the theme shrinks an SVG to its column; at its own size it fits one
    return f'<div class="vd-chart" style="overflow-x: auto">{ET.tostring(root, encoding="unicode")}</div>'


def caption(link: str) -> str:
    """What the chart shows, as Markdown for under it; `link` is the page's relative link to the SVG file."""
    return (
        "One row per partner with a known tier or an engagement. A bar's colour is the tier, its style how the "
        "tier is known: filled where an article dates the set-up (stated), outlined where an article only says "
        "the tier was in force (attested), dashed where the tier is deduced (inferred). A bar starts on the first "
        "day its tier surely counts from; a thin line before it spans the other days its date can mean (an "
        'upgrade "in 2013" could be any day of 2013). Under the bars, dots and dark bars are engagements, over '
        "the days their dates can mean. Point at a mark to see its dates and quote, or open "
        f"[the chart on its own]({link})."
    )
