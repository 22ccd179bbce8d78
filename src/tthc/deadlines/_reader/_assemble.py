"""Assembly: from items to the reading tree (sequence, cases, alternatives, shares)."""

from __future__ import annotations

import itertools
import re

import attrs

from tthc.deadlines._reader import _lexicon as lx
from tthc.deadlines._reader._items import Item, Region
from tthc.deadlines._reader._mentions import Mention, refuse
from tthc.deadlines._reader._nodes import (
    Alternative,
    Amount,
    Case,
    Cases,
    Excluded,
    Limit,
    Node,
    Sequence,
    Share,
    Shares,
    Span,
    WithAlternatives,
)
from tthc.deadlines._reader._segments import depths

__all__ = ["Builder"]


class Builder:
    """Builds nodes whose spans refer to the full normalised text (``base`` = offset of ``text``)."""

    def __init__(self, full: str, text: str, base: int, kept: list[tuple[Region, list[Mention]]]):
        """Remember the texts and the regions kept apart (attached to the nearest limit)."""
        self.full = full
        self.text = text
        self.base = base
        self.kept = kept
        self.attached: set[int] = set()
        self.depth = depths(text)
        self.timeless_cases = 0
        self.riders: dict[int, Item] = {}

    def span(self, start: int, end: int) -> Span:
        """A span of ``text`` (local positions) in full-text coordinates."""
        return Span(self.base + start, self.base + end, self.text[start:end])

    def limit(self, mention: Mention, next_start: int | None = None) -> Limit:
        """The leaf for one mention, with the bracketed exclusions that follow it."""
        excluded = []
        for index, (region, inside) in enumerate(self.kept):
            if index in self.attached or region.start < mention.end:
                continue
            if next_start is not None and region.start >= next_start:
                continue
            if self.text[region.start] == "(" and region.start - mention.end < 200:
                excluded.append(self.excluded(region, inside))
                self.attached.add(index)
        bound = "max" if mention.bound == "max" else "exact"
        return Limit(
            span=self.span(mention.start, mention.end),
            amount=mention.amount,
            bound=bound,
            excluded=tuple(excluded),
        )

    def excluded(self, region: Region, inside: list[Mention]) -> Excluded:
        """A part kept apart, with its own reading when it states an amount."""
        reading: Node | None = None
        if len(inside) == 1:
            reading = Limit(
                span=self.span(inside[0].start, inside[0].end),
                amount=inside[0].amount,
                bound="max" if inside[0].bound == "max" else "exact",
            )
        return Excluded(region.kind, reading, self.span(region.start, region.end))

    def remaining_excluded(self) -> tuple[Excluded, ...]:
        """Regions not attached to a limit: they go to the root."""
        return tuple(
            self.excluded(region, inside)
            for index, (region, inside) in enumerate(self.kept)
            if index not in self.attached and region.kind != "minimum"
        )

    # --- steps --------------------------------------------------------------------------------

    def steps(self, items: list[Item]) -> Node:
        """One limit, or the items' amounts one after the other."""
        mentions = [m for item in items for m in item.mentions]
        mentions = _drop_same_day_before_next_day(mentions)
        chosen = {id(m) for m in mentions}
        for item in items:
            kept = [m for m in item.mentions if id(m) in chosen]
            between = [self.text[a.end : b.start] for a, b in itertools.pairwise(kept)]
            if any(re.search(r"\bhoặc\b", gap) for gap in between):
                raise refuse(
                    "unsupported", "two limits joined by 'hoặc' (or): the choice is unstated"
                )
        for mention in mentions[1:]:
            if (
                lx.RESTART.match(self.text, mention.end)
                and lx.RESTART.match(self.text, mentions[0].end) is None
            ):
                raise refuse(
                    "unsupported", "a later step is counted again from the complete dossier"
                )
        self._check_sequence(mentions)
        limits = [
            self.limit(m, mentions[i + 1].start if i + 1 < len(mentions) else None)
            for i, m in enumerate(mentions)
        ]
        nodes = [self._ridden(m, limit) for m, limit in zip(mentions, limits, strict=True)]
        if len(nodes) == 1:
            return nodes[0]
        total: Amount | None = limits[0].amount
        for node in limits[1:]:
            total = None if total is None else total.add(node.amount)
        if any(not isinstance(node, Limit) for node in nodes):
            total = None
        start, end = mentions[0].start, mentions[-1].end
        return Sequence(span=self.span(start, end), steps=tuple(nodes), total=total)

    def _ridden(self, mention: Mention, limit: Limit) -> Node:
        """The limit, with the bracketed extension that follows it when there is one."""
        rider = self.riders.get(id(mention))
        if rider is None:
            return limit
        condition = _strip_condition(rider.text)
        kind = next((k for k, p in lx.ALTERNATIVE_KINDS if p.search(condition)), "other")
        alternative = Alternative(kind, self.steps([rider]), "extends", condition)
        span = self.span(limit.span.start - self.base, rider.clause.end)
        return WithAlternatives(span=span, base=limit, alternatives=(alternative,))

    def take_riders(self, items: list[Item]) -> list[Item]:
        """Attach "(trường hợp ..., thời gian ... được tăng thêm N ngày)" to the limit before it.

        A bracket led by a condition that extends ("tăng thêm", "kéo dài thêm", "gia hạn")
        and holds one amount, right after an item's last limit, is that limit's extension.
        """
        kept: list[Item] = []
        for item in items:
            previous = kept[-1] if kept else None
            if (
                previous is not None
                and len(item.mentions) == 1
                and item.text.lstrip().startswith("(")
                and lx.EXTENDS.search(item.text)
                and id(previous.mentions[-1]) not in self.riders
                and not self.text[previous.mentions[-1].end : item.clause.start].count(";")
            ):
                self.riders[id(previous.mentions[-1])] = item
                continue
            kept.append(item)
        return kept

    def _check_sequence(self, mentions: list[Mention]) -> None:
        """Refuse a "sequence" that is not one: limits under a condition, or bare limits."""
        for first, second in itertools.pairwise(mentions):
            gap = self.text[first.end : second.start]
            if lx.CONDITION_WORDS.search(gap) and not re.search(r"[;\n]|\.\s|\s[-+•*]\s", gap):
                raise refuse(
                    "unsupported",
                    "a later limit stands under a condition the text does not delimit",
                    fragment=self.text[first.start : second.end],
                )
        if len(mentions) > 1 and not re.search(r"[^\W\d_]", lx.DURATION.sub(" ", self.text)):
            raise refuse(
                "conflicting_limits",
                "several limits with nothing that says whose or in which order",
                fragment=self.text,
            )

    # --- shares -------------------------------------------------------------------------------

    def shares(self, items: list[Item]) -> Node | None:
        """A stated total and its shares ("45 ngày, trong đó Sở 30 ngày, UBND 15 ngày")."""
        mentions = [m for item in items for m in item.mentions]
        if len(mentions) < 3:
            return None
        first = mentions[0]
        after = self.text[first.end : first.end + 80]
        intro = lx.SHARES_INTRO.match(after)
        if intro is None and lx.TOTAL_LEAD.search(
            self.text[max(0, first.start - 60) : first.start]
        ):
            # "Tổng thời gian 15 ngày: Sở 10 ngày, UBND 05 ngày" — parts of the stated total,
            # never further steps to add to it.
            intro = lx.TOTAL_COLON.match(after)
        bracket = re.search(r"\(([^()]*:[^()]*;[^()]*:[^()]*)\)", self.text[first.end :])
        if intro is None and (
            bracket is None or not _bracket_holds(bracket, first.end, mentions[1:])
        ):
            return None
        total = self.limit(first, mentions[1].start)
        shares = []
        previous = first.end + (intro.end() if intro else 0)
        for mention in mentions[1:]:
            who = _who(self.text[previous : mention.start])
            part = self.limit(mention)
            if part.amount.unit == "calendar_day" and total.amount.unit == "working_day":
                part = attrs.evolve(part, amount=Amount(part.amount.amount, "working_day"))
            shares.append(Share(who, part))
            previous = mention.end
        _check_shares(total, [share.reading for share in shares])
        span = self.span(first.start, mentions[-1].end)
        return Shares(span=span, total=total, shares=tuple(shares))

    # --- cases and alternatives ---------------------------------------------------------------

    def structure(self, items: list[Item]) -> Node:
        """The reading of the items: shares, cases, alternatives or steps."""
        shared = self.shares(items)
        if shared is not None:
            return shared
        items = self.take_riders(items)
        if any(
            self.depth[m.start] > 0 and not item.text.lstrip().startswith("(")
            for item in items
            for m in item.mentions
        ) and (sum(len(item.mentions) for item in items) > 1):
            raise refuse("unsupported", "an amount inside a bracket beside the main limit")
        groups = _groups(items)
        base = [item for key, group in groups if key is None for item in group]
        keyed = [(key, group) for key, group in groups if key is not None]
        if not keyed:
            return self._with_extensions(base)
        if len([1 for key, _ in groups if key is None]) > 1 or (base and len(base) > 1):
            raise refuse("unsupported", "several general limits mixed with named cases")
        verified = self._verification(groups)
        if verified is not None:
            return verified
        alternatives = [_alternative_kind(key, group) for key, group in keyed]
        if base and _stretches(base) and _mode(base) == "extends":
            raise refuse("alternative_only", "only extensions or conditional limits, no base")
        if base and all(kind is not None for kind in alternatives):
            alts = tuple(
                Alternative(kind or "other", self.steps(group), _mode(group), key or "")
                for (key, group), kind in zip(keyed, alternatives, strict=True)
            )
            base_node = self.steps(base)
            span = self.span(base[0].clause.start, keyed[-1][1][-1].clause.end)
            return WithAlternatives(span=span, base=base_node, alternatives=alts)
        if not base and all(
            (kind is not None and _mode(g) == "extends") or _stretches(g)
            for (_, g), kind in zip(keyed, alternatives, strict=True)
        ):
            raise refuse(
                "alternative_only", "only an extension or a verification cap, no base limit"
            )
        return self._cases(groups)

    def _verification(self, groups: list[tuple[str | None, list[Item]]]) -> Node | None:
        """Read "Trường hợp thông thường: A; trường hợp phải xác minh: B" as A with B verifying.

        Only when one case is labelled as the general rule, no case is unlabelled, and every
        other case names a verification (xác minh / kiểm tra / thẩm tra).
        """
        general = _general_cases(groups)
        if self.timeless_cases or len(general) != 1 or any(k is None for k, _ in groups):
            return None
        others = [(key or "", g) for i, (key, g) in enumerate(groups) if i != general[0]]
        if not others or not all(lx.VERIFY_CASE.match(key) for key, _ in others):
            return None
        alts = tuple(
            Alternative("verification", self.steps(group), _mode(group), key)
            for key, group in others
        )
        first, last = groups[0][1][0].clause, groups[-1][1][-1].clause
        base = self.steps(groups[general[0]][1])
        return WithAlternatives(span=self.span(first.start, last.end), base=base, alternatives=alts)

    def _cases(self, groups: list[tuple[str | None, list[Item]]]) -> Node:
        if self.timeless_cases:
            raise refuse("unsupported", "a case is named with no time")
        cases = tuple(Case(key or "", self.steps(group)) for key, group in groups)
        default = next((i for i, (key, _) in enumerate(groups) if key is None), None)
        if default is None:
            general = _general_cases(groups)
            default = general[0] if len(general) == 1 else None
        first, last = groups[0][1][0].clause, groups[-1][1][-1].clause
        return Cases(span=self.span(first.start, last.end), cases=cases, default=default)

    def _with_extensions(self, base: list[Item]) -> Node:
        plain = [item for item in base if not _stretches([item])]
        extra = [item for item in base if _stretches([item])]
        if extra and not plain:
            raise refuse("alternative_only", "only an extension, no base limit")
        if not extra:
            return self.steps(base)
        alts = tuple(
            Alternative(
                _alternative_kind(None, [item]) or "other", self.steps([item]), _mode([item])
            )
            for item in extra
        )
        span = self.span(base[0].clause.start, base[-1].clause.end)
        return WithAlternatives(span=span, base=self.steps(plain), alternatives=alts)


def _strip_condition(text: str) -> str:
    """The condition of a bracketed extension: "(trường hợp X, thời gian ... tăng thêm ...)" → X."""
    inner = text.strip(" ();.,")
    inner = lx.CASE_LEAD.sub("", inner, count=1)
    return re.split(r",\s*(?=thời\s+(?:gian|hạn)|thì\b)|\s+thì\s+", inner, maxsplit=1)[0].strip()


def _general_cases(groups: list[tuple[str | None, list[Item]]]) -> list[int]:
    """Indexes of the cases labelled as the general rule ("thông thường", "các trường hợp khác")."""
    return [
        index
        for index, (key, _) in enumerate(groups)
        if key and (lx.GENERAL_CASE.match(key) or lx.OTHER_CASES.search(key))
    ]


def _drop_same_day_before_next_day(mentions: list[Mention]) -> list[Mention]:
    units = [m.amount.unit for m in mentions]
    if "same_day" in units and any(
        m.amount.unit == "working_day" and m.bound == "max" and m.amount.amount == 1
        for m in mentions
    ):
        return [m for m in mentions if m.amount.unit != "same_day"]
    return mentions


_CASE_KINDS = ("case", "named")


def _key(item: Item, steps: bool) -> tuple[str | None, str]:
    own_kinds = ("case",) if steps else _CASE_KINDS
    if item.own is not None and item.own_kind in own_kinds:
        return item.own, "own"
    for label, kind in item.inherited:
        if kind in _CASE_KINDS:
            return label, "inherited"
    return None, ""


def _check_steps(items: list[Item]) -> bool:
    """Whether labelled items are steps (the first label names a step or a body)."""
    numbers = [
        int(m.group(1))
        for item in items
        if item.own and (m := re.match(r"bước\s+(\d+)", item.own, re.IGNORECASE))
    ]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        raise refuse("unsupported", "steps of a longer procedure, the steps between are not stated")
    first = next((item for item in items if item.own is not None), None)
    return first is not None and first.own_kind in ("step", "who")


def _check_nesting(items: list[Item], steps: bool) -> None:
    """Refuse structures one level deeper than cases, steps and alternatives can say.

    - a labelled part inside a case ("Trường hợp bị mất: + Phát hành ...: 02 ngày; + Cấp ...");
    - cases inside one step ("Thời hạn công bố: + Trường hợp A: ...; + Trường hợp B: ...")
      beside other steps;
    - a limit with no label after a list of two or more cases (not their general rule: it
      comes last, after the list).
    """
    keys = [_key(item, steps)[0] for item in items]
    for item, key in zip(items, keys, strict=True):
        inherited_case = any(kind in _CASE_KINDS for _, kind in item.inherited)
        if not steps and item.own_kind == "named" and inherited_case:
            raise refuse("unsupported", "labelled parts inside a case: nested")
        heads = [label for label, kind in item.inherited if kind == "step"]
        if key is not None and heads and any(heads[0] not in _step_heads(i) for i in items):
            raise refuse("unsupported", "cases inside one step of a sequence: nested")
    named = {key for key in keys if key is not None}
    if len(named) > 1 and keys[-1] is None and keys[0] is not None:
        raise refuse("unsupported", "a limit with no label after the cases: whose is it?")


def _step_heads(item: Item) -> list[str]:
    return [label for label, kind in item.inherited if kind == "step"]


def _groups(items: list[Item]) -> list[tuple[str | None, list[Item]]]:
    groups: list[tuple[str | None, list[Item]]] = []
    owned: set[str] = set()
    steps = _check_steps(items)
    _check_nesting(items, steps)
    for item in items:
        key, source = _key(item, steps)
        if item.own_kind == "case" and any(kind in _CASE_KINDS for _, kind in item.inherited):
            raise refuse("unsupported", "cases inside cases: nested")
        if groups and groups[-1][0] == key and (source == "inherited" or key is None):
            groups[-1][1].append(item)
            continue
        if key is not None and (key in owned or any(g[0] == key for g in groups)):
            has_general = any(_key(i, steps)[0] is None for i in items)
            reason = "unsupported" if has_general else "duplicate_cases"
            raise refuse(reason, f"the case {key!r} is named twice")
        if source == "own" and key is not None:
            owned.add(key)
        groups.append((key, [item]))
    return groups


def _alternative_kind(key: str | None, group: list[Item]) -> str | None:
    text = " ".join([key or "", *(item.text for item in group)])
    if key is None and not _stretches(group):
        return None
    for kind, pattern in lx.ALTERNATIVE_KINDS:
        if pattern.search(text):
            return kind
    return None


def _stretches(group: list[Item]) -> bool:
    return any(re.search(r"kéo\s+dài|gia\s+hạn", item.text, re.IGNORECASE) for item in group)


def _mode(group: list[Item]) -> str:
    return "extends" if any(lx.EXTENDS.search(item.text) for item in group) else "replaces"


def _bracket_holds(bracket: re.Match[str], offset: int, mentions: list[Mention]) -> bool:
    start, end = offset + bracket.start(), offset + bracket.end()
    return len([m for m in mentions if start < m.start < end]) == len(mentions)


def _who(fragment: str) -> str:
    marks = list(re.finditer(r"(?:^|\s)[-+•]\s", fragment))
    fragment = fragment[marks[-1].end() :] if marks else re.split(r"[,;(]", fragment)[-1]
    fragment = lx.BOUND_MAX.sub("", fragment)
    return fragment.strip(" :-+,;()")


def _check_shares(total: Limit, parts: list[Node]) -> None:
    amount = total.amount
    summed: Amount | None = None
    for index, node in enumerate(parts):
        if not isinstance(node, Limit):
            summed = None
            break
        summed = (
            node.amount if index == 0 else (None if summed is None else summed.add(node.amount))
        )
    if summed is None or summed != amount:
        raise refuse(
            "shares_mismatch",
            f"the shares do not add up to the stated total {amount.label()}",
            total=amount.label(),
        )
