"""The checks of ``data/indicators.yaml`` across indicators: a share matches its count and
base, a part is not above its whole, a whole says whether its parts add up to it, an estimate
says how the source words it. Called by ``macros/load/indicators.py`` once every indicator is read.
"""

from __future__ import annotations

import difflib
from decimal import Decimal

from macros.core.problems import Message
from macros.core.schema import Where
from macros.load.indicator_types import Indicator


def check_relations(ind: Indicator, indicators: dict[str, Indicator], where: Where) -> None:
    """Declared relations hold: a share matches its count and base, a part is not above its whole."""
    if ind.share_of:
        if ind.unit != "percent":
            where.problems.add(
                where.path,
                ind.line,
                f"{ind.id}.share_of",
                Message(
                    nl="alleen een percentage kan een deel van een totaal zijn (schrijf `unit: percent`)",
                    en="only a percentage can be a share (expected `unit: percent`)",
                ),
            )
        refs = [ind.share_of.get(key) for key in ("count", "base")]
        for key, ref in zip(("count", "base"), refs):
            if ref and ref not in indicators:
                known = ", ".join(sorted(indicators))
                where.problems.add(
                    where.path,
                    ind.line,
                    f"{ind.id}.share_of.{key}",
                    Message(
                        nl=f'"{ref}" is geen id van een cijfer (kies uit: {known})',
                        en=f'"{ref}" is not an indicator id (expected one of: {known})',
                    ),
                )
        if ind.unit == "percent" and all(ref in indicators for ref in refs):
            count, base = (indicators[ref] for ref in refs)
            for year, value in ind.values.items():
                if value is not None and year in count.values and year in base.values and count.values[year] is not None and base.values[year]:
                    _check_share(ind, year, value, count, base, where)
    if ind.part_of:
        whole = indicators.get(ind.part_of)
        if whole is None:
            hint = closest(ind.part_of, indicators, Message(nl="schrijf het id van een cijfer", en="expected an indicator id"))
            where.problems.add(
                where.path,
                ind.line,
                f"{ind.id}.part_of",
                Message(nl=f'"{ind.part_of}" is geen cijfer ({hint.nl})', en=f'"{ind.part_of}" is not an indicator ({hint.en})'),
            )
            return
        if whole.unit != ind.unit:
            where.problems.add(
                where.path,
                ind.line,
                f"{ind.id}.part_of",
                Message(
                    nl=f'"{whole.id}" heeft als eenheid {whole.unit}, dit cijfer {ind.unit} (gebruik dezelfde eenheid)',
                    en=f'"{whole.id}" is counted in {whole.unit}, this figure in {ind.unit} (expected the same unit)',
                ),
            )
            return
        for year, value in ind.values.items():
            if year in whole.values and None not in (value, whole.values[year]) and value > whole.values[year]:
                most = number(whole.values[year])
                where.problems.add(
                    where.path,
                    ind.value_lines.get(year, ind.line),
                    f"{ind.id}.values.{year}",
                    Message(
                        nl=f"{number(value)} is meer dan het geheel, {whole.id} ({most} in {year}) "
                        f"(schrijf hoogstens {most}, of controleer beide cijfers)",
                        en=f"{number(value)} is more than its whole, {whole.id} ({most} in {year}) "
                        f"(expected at most {most}, or check both figures)",
                    ),
                )


def closest(ref: str, known: dict[str, Indicator], otherwise: Message) -> Message:
    """What to write instead of an unknown id: the closest known one, else ``otherwise``."""
    close = difflib.get_close_matches(ref, list(known), n=1)
    return Message(nl=f'bedoel je "{close[0]}"?', en=f'did you mean "{close[0]}"?') if close else otherwise


def check_status(ind: Indicator, where: Where) -> None:
    """An estimate says how the source words it; only an estimate has such words (not
    checked when the status written was refused: that has its own message)."""
    if not ind.status:
        return
    if ind.status == "estimate" and not ind.estimate:
        where.problems.add(
            where.path,
            ind.line,
            f"{ind.id}.estimate",
            Message(
                nl="bij `status: estimate` hoort hoe de bron de schatting noemt "
                '(schrijf `estimate: {nl: "ongeveer 200 miljoen euro", en: "about 200 million euros"}`)',
                en="`status: estimate` needs the source's wording of the estimate "
                '(expected `estimate: {nl: "ongeveer 200 miljoen euro", en: "about 200 million euros"}`)',
            ),
        )
    if ind.estimate and ind.status != "estimate":
        where.problems.add(
            where.path,
            ind.line,
            f"{ind.id}.estimate",
            Message(
                nl="`estimate` hoort alleen bij een schatting (schrijf er `status: estimate` bij, of haal `estimate` weg)",
                en="`estimate` belongs to an estimate only (expected `status: estimate` beside it, or no `estimate`)",
            ),
        )


def check_parts(ind: Indicator, indicators: dict[str, Indicator], where: Where) -> None:
    """A whole with parts says whether they add up to it; if it says so, they do; if not, why not."""
    parts = [other for other in indicators.values() if other.part_of == ind.id]
    names = ", ".join(part.id for part in parts)
    if parts and ind.parts is None:
        where.problems.add(
            where.path,
            ind.line,
            f"{ind.id}.parts",
            Message(
                nl=f"dit cijfer heeft delen ({names}); zeg of die samen het hele aantal zijn "
                "(schrijf `parts: {complete: true}`, of `parts: {complete: false, note: {nl: …, en: …}}` met waarom niet)",
                en=f"this figure has parts ({names}); say whether they add up to it "
                "(expected `parts: {complete: true}`, or `parts: {complete: false, note: {nl: …, en: …}}` saying why not)",
            ),
        )
        return
    if ind.parts is None:
        return
    if not parts:
        where.problems.add(
            where.path,
            ind.line,
            f"{ind.id}.parts",
            Message(
                nl="geen cijfer is een deel van dit cijfer (haal `parts` weg, of zet `part_of: " + ind.id + "` bij de delen)",
                en="no figure is a part of this one (expected no `parts`, or `part_of: " + ind.id + "` on its parts)",
            ),
        )
        return
    if ind.parts.get("complete") is False and not ind.parts.get("note"):
        where.problems.add(
            where.path,
            ind.line,
            f"{ind.id}.parts.note",
            Message(
                nl="zeg waarom de delen samen niet het hele aantal zijn (schrijf `note: {nl: …, en: …}` onder `parts`)",
                en="say why the parts do not add up to the whole (expected `note: {nl: …, en: …}` under `parts`)",
            ),
        )
    if ind.parts.get("complete") is True:
        for year, total in sorted(parts_sums(ind, indicators).items()):
            if total != ind.values.get(year):
                where.problems.add(
                    where.path,
                    ind.line,
                    f"{ind.id}.parts",
                    Message(
                        nl=f"de delen ({names}) zijn samen {number(total)} in {year}, het geheel {number(ind.values[year])} "
                        "(verbeter de cijfers, of schrijf `complete: false` met een `note` waarom ze niet optellen)",
                        en=f"the parts ({names}) add up to {number(total)} in {year}, the whole is {number(ind.values[year])} "
                        "(correct the figures, or write `complete: false` with a `note` saying why they do not add up)",
                    ),
                )


def parts_sums(whole: Indicator, indicators: dict[str, Indicator]) -> dict[int, float]:
    """What the parts of ``whole`` add up to, in each year for which the whole and every part have a value."""
    parts = [other for other in indicators.values() if other.part_of == whole.id]
    if not parts:
        return {}
    years = [year for year in whole.values if all(year in part.values for part in parts)]
    return {year: sum(part.values[year] for part in parts) for year in years}


def _decimals(value: float) -> int:
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _check_share(ind: Indicator, year: int, value: float, count: Indicator, base: Indicator, where: Where) -> None:
    """The written percentage, rounded as written, equals count / base (half a last digit of room)."""
    exact = Decimal(str(count.values[year])) * 100 / Decimal(str(base.values[year]))
    places = max(1, _decimals(value))
    step = Decimal(1).scaleb(-places)
    if abs(exact - Decimal(str(value))) <= step / 2:
        return
    right = exact.quantize(step)
    counted, total = number(count.values[year]), number(base.values[year])
    where.problems.add(
        where.path,
        ind.value_lines.get(year, ind.line),
        f"{ind.id}.values.{year}",
        Message(
            nl=f"{number(value)} klopt niet met `share_of`: {count.id} {counted} van {base.id} "
            f"{total} is {right} procent (schrijf {right}, of verbeter het aantal of het totaal)",
            en=f"{number(value)} does not match `share_of`: {count.id} {counted} of {base.id} "
            f"{total} is {right} percent (expected {right}, or correct the count or the base)",
        ),
    )


def number(value: float) -> str:
    """A value as an editor writes it in the file (12887, 11.7)."""
    return str(int(value)) if float(value).is_integer() else str(value)
