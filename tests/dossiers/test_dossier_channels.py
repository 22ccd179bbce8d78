"""The filing channels and the spellings of them tthc reads (``Channel.parse``).

Decree 118/2025/NĐ-CP Điều 15 names three ways to file a dossier and receive its result: at
the one-stop counter ("Trực tiếp tại Bộ phận Một cửa"), by public postal service ("Thông qua
dịch vụ bưu chính công ích") and online on the national portal ("Trực tuyến tại Cổng Dịch vụ
công quốc gia"). The national portal codes them ``KenhThucHien`` 1, 2 and 3 (counter, online,
post); procedures in the catalogue and dossiers spell them in several ways.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tthc.dossiers import Channel
from tthc.dossiers._model import _channel_labels
from tthc.errors import InputTypeError

EVERY_CHANNEL = (
    "Kênh thực hiện (channel) {got} is not one of: counter (Trực tiếp), online (Trực tuyến), "
    "post (Qua dịch vụ bưu chính công ích)"
)


@pytest.mark.parametrize(
    ("label", "channel"),
    [
        ("counter", Channel.COUNTER),
        ("Trực tiếp", Channel.COUNTER),
        ("  TRUC   tiep ", Channel.COUNTER),  # accents, case and spacing ignored
        ("At the counter", Channel.COUNTER),
        (1, Channel.COUNTER),
        ("1", Channel.COUNTER),
        ("online", Channel.ONLINE),
        ("Trực tuyến", Channel.ONLINE),
        ("Online", Channel.ONLINE),
        (2, Channel.ONLINE),
        ("2", Channel.ONLINE),
        ("post", Channel.POST),
        ("Qua dịch vụ bưu chính công ích", Channel.POST),  # as a dossier prints it
        ("Dịch vụ bưu chính", Channel.POST),  # as a procedure of the catalogue prints it
        ("Qua dịch vụ bưu chính", Channel.POST),
        ("bưu chính", Channel.POST),
        ("By post", Channel.POST),
        (3, Channel.POST),
        ("3", Channel.POST),
        (Channel.POST, Channel.POST),
    ],
)
def test_every_spelling_names_its_channel(label: object, channel: Channel) -> None:
    assert Channel.parse(label) is channel


@pytest.mark.parametrize("value", ["kiosk", "", "4", 4, 0, None, 2.0, True, b"1", Decimal(2)])
def test_a_label_that_names_no_channel_is_refused(value: object) -> None:
    # a portal code is an int or a str: a number of another type names no channel, even "2"
    with pytest.raises(InputTypeError) as info:
        Channel.parse(value)
    assert info.value.message == EVERY_CHANNEL.format(got=repr(value))
    assert info.value.context == {"argument": "channel", "got": repr(value)}


def test_the_folded_labels_of_each_channel() -> None:
    assert _channel_labels(Channel.COUNTER) == {"counter", "truc tiep", "at the counter", "1"}
    assert _channel_labels(Channel.ONLINE) == {"online", "truc tuyen", "2"}
    assert _channel_labels(Channel.POST) == {
        "post",
        "qua dich vu buu chinh cong ich",
        "by post",
        "3",
        "dich vu buu chinh",
        "qua dich vu buu chinh",
        "buu chinh",
    }
