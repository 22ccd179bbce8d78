"""The filing channels and the spellings of them tthc reads (``Channel.parse``).

Decree 118/2025/NĐ-CP Điều 15 names three ways to file a dossier and receive its result: at
the one-stop counter ("Trực tiếp tại Bộ phận Một cửa", khoản 1), by public postal service
("Thông qua dịch vụ bưu chính công ích", khoản 2) and online on the national portal ("Trực tuyến
tại Cổng Dịch vụ công quốc gia", khoản 3). The national portal codes them ``KenhThucHien`` 1, 2
and 3 (counter, online, post); procedures in the catalogue and dossiers spell them in several
ways.

Online filing is of two kinds: Decree 42/2022/NĐ-CP Điều 11.1 defines dịch vụ công trực tuyến
toàn trình (a: filed and resolved online, the result returned online or by public post) and
một phần (b: the rest), and Biểu 07a/BTP/KSTT of Circular 09/2026/TT-BTP counts the dossiers
received "Trực tuyến toàn trình" (column 4) and "Trực tuyến một phần" (column 5) apart — the
column headers as the circular prints them are the channels' Vietnamese names.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from decimal import Decimal

import pytest
from dossier_builders import APPLICANT, CODE, ONE_STOP, K, _new, t
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc import serde
from tthc._text import fold
from tthc.dossiers import Channel, DossierEvent, DossierStatus, _legal, allowed_events
from tthc.dossiers._model import _channel_labels
from tthc.dossiers._rules import TRANSITIONS
from tthc.errors import InputTypeError, InvalidTransition
from tthc.legal import Validity

EVERY_CHANNEL = (
    "Kênh thực hiện (channel) {got} is not one of: counter (Trực tiếp), online (Trực tuyến), "
    "post (Qua dịch vụ bưu chính công ích), online_full (Trực tuyến toàn trình), online_partial "
    "(Trực tuyến một phần)"
)
ONLINE_KINDS = (Channel.ONLINE, Channel.ONLINE_FULL, Channel.ONLINE_PARTIAL)


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
        # KenhThucHien 2 is every kind of online filing: it names the one whose kind is unknown
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
        # Biểu 07a column (4), as TT 09/2026 prints it; Decree 42/2022 Điều 11.1.a's term
        ("Trực tuyến toàn trình", Channel.ONLINE_FULL),
        ("Dịch vụ công trực tuyến toàn trình", Channel.ONLINE_FULL),
        ("toàn trình", Channel.ONLINE_FULL),
        ("TOAN TRINH", Channel.ONLINE_FULL),
        ("truc tuyen toan trinh", Channel.ONLINE_FULL),
        ("online_full", Channel.ONLINE_FULL),
        ("Online-Full", Channel.ONLINE_FULL),  # "_" and "-" read as spaces
        ("Fully online", Channel.ONLINE_FULL),
        # Biểu 07a column (5); Decree 42/2022 Điều 11.1.b
        ("Trực tuyến một phần", Channel.ONLINE_PARTIAL),
        ("Dịch vụ công trực tuyến một phần", Channel.ONLINE_PARTIAL),
        ("một phần", Channel.ONLINE_PARTIAL),
        ("mot phan", Channel.ONLINE_PARTIAL),
        ("online partial", Channel.ONLINE_PARTIAL),
        ("Partly online", Channel.ONLINE_PARTIAL),
        ("partially online", Channel.ONLINE_PARTIAL),
    ],
)
def test_every_spelling_names_its_channel(label: object, channel: Channel) -> None:
    assert Channel.parse(label) is channel


@pytest.mark.parametrize(
    "value",
    # VNeID and kiosks are reported channels of Decrees 309/2026 and 320/2026, whose text tthc
    # has not read: they are not in the vocabulary
    ["kiosk", "VNeID", "", "4", 4, 0, None, 2.0, True, b"1", Decimal(2), "toàn", "onlinefull"],
)
def test_a_label_that_names_no_channel_is_refused(value: object) -> None:
    # a portal code is an int or a str: a number of another type names no channel, even "2"
    with pytest.raises(InputTypeError) as info:
        Channel.parse(value)
    assert info.value.message == EVERY_CHANNEL.format(got=repr(value))
    assert info.value.context == {"argument": "channel", "got": repr(value)}
    assert info.value.hint is not None
    assert "online_full" in info.value.hint


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
    assert _channel_labels(Channel.ONLINE_FULL) == {
        "online full",
        "truc tuyen toan trinh",
        "fully online",
        "toan trinh",
        "dich vu cong truc tuyen toan trinh",
        "dvctt toan trinh",
        "full online",
    }
    assert _channel_labels(Channel.ONLINE_PARTIAL) == {
        "online partial",
        "truc tuyen mot phan",
        "partly online",
        "mot phan",
        "dich vu cong truc tuyen mot phan",
        "dvctt mot phan",
        "partially online",
        "partial online",
    }


def test_no_spelling_names_two_channels() -> None:
    seen: dict[str, Channel] = {}
    for channel in Channel:
        for label in _channel_labels(channel):
            assert seen.setdefault(label, channel) is channel, label


def test_portal_codes_and_online_kinds() -> None:
    # KenhThucHien: 1 counter, 2 online, 3 post; the portal has no code of its own for the two
    # kinds of online service, so both sync as 2
    assert {c: c.portal_code for c in Channel} == {
        Channel.COUNTER: 1,
        Channel.ONLINE: 2,
        Channel.POST: 3,
        Channel.ONLINE_FULL: 2,
        Channel.ONLINE_PARTIAL: 2,
    }
    assert {c for c in Channel if c.is_online} == set(ONLINE_KINDS)


def test_each_channel_cites_the_provision_that_makes_it_one() -> None:
    cited = {c: (c.legal_ref.document, c.legal_ref.article) for c in Channel}
    assert cited == {
        Channel.COUNTER: ("118/2025/NĐ-CP", "Điều 15.1"),
        Channel.POST: ("118/2025/NĐ-CP", "Điều 15.2"),
        Channel.ONLINE: ("118/2025/NĐ-CP", "Điều 15.3"),
        Channel.ONLINE_FULL: ("42/2022/NĐ-CP", "Điều 11.1.a"),
        Channel.ONLINE_PARTIAL: ("42/2022/NĐ-CP", "Điều 11.1.b"),
    }
    # the definitions of Decree 42/2022 were read in a provincial department's report of it
    assert Channel.ONLINE_FULL.legal_ref.confidence == "press"


def test_the_data_rows_are_the_vocabulary() -> None:
    rows = _legal.rules().channels
    assert list(rows) == [c.value for c in Channel]  # one row per member, in declared order
    for value, row in rows.items():
        validity = Validity(
            start=dt.date.fromisoformat(row["validity"]["start"]), end=row["validity"]["end"]
        )
        # the vocabulary is that of the regime of Decree 118/2025, in force from 1/7/2025
        assert validity == Validity(start=dt.date(2025, 7, 1)), value
        assert all(isinstance(label, str) and label for label in row["labels"]), value


# --- hypothesis: every label of every member reads back to it ---------------------------------


def _spellings() -> list[tuple[Channel, str]]:
    return [
        (channel, label)
        for channel in Channel
        for label in (
            channel.value,
            channel.name_vi,
            channel.name_en,
            *_legal.rules().channels[channel.value]["labels"],
        )
    ]


@settings(max_examples=150, deadline=None)
@given(
    pair=st.sampled_from(_spellings()),
    accents=st.booleans(),
    case=st.sampled_from([str.lower, str.upper, str.title, str]),
    pad=st.sampled_from(["", " ", "  ", "\t"]),
)
def test_parse_reads_back_every_label_of_every_member(
    pair: tuple[Channel, str], accents: bool, case: object, pad: str
) -> None:
    channel, label = pair
    text = label if accents else fold(label)
    text = pad + case(text).replace(" ", " " + pad) + pad  # type: ignore[operator]
    assert Channel.parse(text) is channel
    assert Channel.parse(channel.value) is channel
    assert Channel(channel.value) is channel


# --- the life cycle: the online kinds behave as ONLINE wherever ONLINE is allowed --------------


def test_every_transition_row_treats_the_online_kinds_alike() -> None:
    # T1 (Decree 118/2025 Điều 17.2: the portal receives an online dossier) is for every kind
    for row in TRANSITIONS.values():
        kinds = {kind in row.channels for kind in ONLINE_KINDS}
        assert len(kinds) == 1, row
    for status in DossierStatus:
        allowed = {allowed_events(status, kind) for kind in ONLINE_KINDS}
        assert len(allowed) == 1, status


@pytest.mark.parametrize("channel", [Channel.ONLINE_FULL, Channel.ONLINE_PARTIAL])
def test_an_online_kind_dossier_follows_the_online_rows(channel: Channel) -> None:
    draft = _new(channel=channel)
    assert draft.allowed_events() == _new(channel=Channel.ONLINE).allowed_events()
    # Điều 17.1 (paper intake) is for the counter and post: an online dossier is first submitted
    with pytest.raises(InvalidTransition):
        draft.apply(DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP))
    submitted = draft.apply(DossierEvent(K.SUBMITTED_ONLINE, CODE, t(9, 8), APPLICANT))
    accepted = submitted.apply(DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP))
    assert accepted.status is DossierStatus.ACCEPTED
    assert accepted.channel is channel


@pytest.mark.parametrize("channel", [Channel.ONLINE_FULL, Channel.ONLINE_PARTIAL])
def test_late_online_intake_is_a_breach_for_every_online_kind(channel: Channel) -> None:
    # Decree 118/2025 Điều 17.2.c: 8 working hours from the portal's receipt; submitted Fri 6/3
    # 16:00, due Mon 9/3 16:00 (as for Channel.ONLINE in test_dossier_breaches)
    submitted = _new(channel=channel).apply(
        DossierEvent(K.SUBMITTED_ONLINE, CODE, t(6, 16), APPLICANT)
    )
    late = submitted.apply(DossierEvent(K.ACCEPTED, CODE, t(10, 9), ONE_STOP))
    assert [b.code for b in late.breaches] == ["online_intake_late"]


# --- storage: the new channels round-trip -------------------------------------------------------


@pytest.mark.parametrize("channel", list(Channel))
def test_a_dossier_of_every_channel_round_trips(channel: Channel) -> None:
    dossier = _new(channel=channel)
    if channel.is_online:
        dossier = dossier.apply(DossierEvent(K.SUBMITTED_ONLINE, CODE, t(9, 8), APPLICANT))
    dossier = dossier.apply(DossierEvent(K.ACCEPTED, CODE, t(9, 9), ONE_STOP))
    text = serde.to_json(dossier)
    assert f'"channel": "{channel.value}"' in text or f'"channel":"{channel.value}"' in text
    back = serde.from_json(text, type(dossier))
    assert back == dossier
    assert back.channel is channel
    assert pickle.loads(pickle.dumps(dossier)) == dossier
    assert copy.deepcopy(dossier).channel is channel
