"""The hint of a channel that names none, word for word (issue 17, item 5: ``Channel.parse``).

The hint tells the caller every way a channel may be named (the rows of ``dossier_rules.json``:
Decree 118/2025 Điều 15 for the counter, the post and online filing, Decree 42/2022 Điều 11.1
for the two kinds of online service) and lists the values in the order of the enumeration.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tthc.dossiers import Channel
from tthc.errors import InputTypeError

HINT = (
    "name a channel by its value, its Vietnamese or English name or its portal code: "
    "counter, online, post, online_full, online_partial"
)


@pytest.mark.parametrize("value", ["fax", "4", 4, None, 2.0, Decimal(1)])
def test_the_hint_names_every_way_and_every_value(value: object) -> None:
    with pytest.raises(InputTypeError) as info:
        Channel.parse(value)
    assert info.value.code == "input.wrong_type"
    assert info.value.hint == HINT
    assert str(info.value).endswith(f" ({HINT})")


def test_the_values_listed_are_the_enumeration() -> None:
    assert HINT.rsplit(": ", 1)[1].split(", ") == [channel.value for channel in Channel]
