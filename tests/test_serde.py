"""tthc.serde: exact JSON round trips and every rejection path (with the path of the bad field)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest

from tthc._validate import VN_TZ
from tthc.calendar import OfficeHours
from tthc.deadlines import Alternative, AlternativeKind, Duration, ProcessingTime
from tthc.dossiers import (
    Actor,
    ActorRole,
    Channel,
    Dossier,
    DossierEvent,
    EventKind,
    SectorRules,
    TimelineEntry,
)
from tthc.errors import InputTypeError, SerializationError
from tthc.legal import LegalRef, Validity
from tthc.serde import SCHEMA_VERSION, converter, from_dict, from_json, to_dict, to_json

CODE = "H29.55-260309-0007"
ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa xã Đắk Hà", name="Trần Thị Ánh")
AUTH = Actor(ActorRole.COMPETENT_AUTHORITY, "UBND xã Đắk Hà")
REF = LegalRef(
    "118/2025/NĐ-CP",
    kind="Nghị định",
    issuer="Chính phủ",
    date=dt.date(2025, 6, 9),
    article="Điều 19.5",
)


def sample() -> Dossier:
    at = dt.datetime(2026, 3, 9, 9, 15, 30, 123456, tzinfo=VN_TZ)
    utc = dt.timezone.utc
    limit = ProcessingTime(
        source="03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc",
        base=Duration.working_days(3),
        alternatives=(Alternative(Duration.working_days(5), AlternativeKind.VERIFICATION),),
    )
    d = Dossier(
        CODE,
        "1.001193",
        Channel.POST,
        "Bộ phận Một cửa xã Đắk Hà",
        "UBND xã Đắk Hà",
        limit,
        sector_rules=SectorRules(supplement_wait_days=30, legal_ref=REF),
        office_hours=OfficeHours(((dt.time(7), dt.time(11, 30)), (dt.time(13, 30), dt.time(17)))),
    )
    return d.apply_all(
        [
            DossierEvent(EventKind.ACCEPTED, CODE, at, ONE_STOP, reason="Đủ hồ sơ; ghi chú “ổn”"),
            DossierEvent(
                EventKind.FORWARDED,
                CODE,
                dt.datetime(2026, 3, 9, 3, 0, tzinfo=utc),  # 10:00 in Vietnam, kept in UTC
                ONE_STOP,
                to_unit="UBND xã Đắk Hà",
                time_allowed=Duration.working_days(Decimal("1.5")),
            ),
            DossierEvent(
                EventKind.PAYMENT_REQUESTED,
                CODE,
                at.replace(day=10),
                AUTH,
                amount=Decimal("150000.50"),
            ),
            DossierEvent(EventKind.PAYMENT_RECEIVED, CODE, at.replace(day=11), ONE_STOP),
            DossierEvent(
                EventKind.SUPPLEMENT_REQUESTED,
                CODE,
                at.replace(day=11),
                ONE_STOP,
                reason="bổ sung",
                legal_ref=REF,
            ),
        ]
    )


def test_dossier_round_trip_is_exact() -> None:
    d = sample()
    text = to_json(d)
    assert text.startswith('{"schema_version": 1,')
    assert "Đắk Hà" in text  # unicode written as is
    data = json.loads(text)
    assert data["events"][0]["at"] == "2026-03-09T09:15:30.123456+07:00"
    assert data["events"][1]["at"] == "2026-03-09T03:00:00+00:00"
    assert data["events"][1]["time_allowed"] == {
        "amount": "1.5",
        "unit": "working_day",
        "cutoff": None,
    }
    assert data["events"][2]["amount"] == "150000.50"
    assert data["processing_time"]["type"] == "processing_time"
    assert data["office_hours"]["windows"][0] == ["07:00:00", "11:30:00"]
    assert "calendar" not in data
    back = from_json(text, Dossier)
    assert back == d
    assert back.status is d.status
    assert back.events[1].at.utcoffset() == dt.timedelta(0)
    assert back.events[2].amount == Decimal("150000.50")
    assert str(back.events[2].amount) == "150000.50"
    assert back.deadline_history() == d.deadline_history()
    assert to_json(back) == text
    assert from_json(to_json(d, indent=2).encode("utf-8"), Dossier) == d


def test_plain_duration_and_other_models_round_trip() -> None:
    d = attrs.evolve(sample(), processing_time=Duration.same_day(dt.time(15)), events=())
    assert json.loads(to_json(d))["processing_time"]["type"] == "duration"
    assert from_json(to_json(d), Dossier) == d
    for obj in (
        REF,
        Validity(dt.date(2025, 7, 1), None),
        Duration.clock_hours(24),
        OfficeHours(),
        ONE_STOP,
        sample().events[1],
    ):
        assert from_json(to_json(obj), type(obj)) == obj
    entry = sample().timeline()[0]
    back = from_json(to_json(entry), TimelineEntry)
    assert back == entry
    assert back.duration == dt.timedelta(minutes=44, seconds=29, microseconds=876544)
    assert from_dict(to_dict(REF), LegalRef) == REF
    assert converter() is converter()


def _bad(text_or_data: object, cls: type = Dossier) -> SerializationError:
    text = text_or_data if isinstance(text_or_data, str) else json.dumps(text_or_data)
    with pytest.raises(SerializationError) as info:
        from_json(text, cls)
    assert info.value.code == "serde.invalid"
    return info.value


def _data() -> dict[str, object]:
    return typing_cast(json.loads(to_json(sample())))


def typing_cast(value: object) -> dict[str, object]:
    assert isinstance(value, dict)
    return value


def test_unknown_fields_are_rejected_with_their_path() -> None:
    data = _data()
    data["colour"] = "blue"
    assert _bad(data).context["path"] == "$.colour"
    data = _data()
    data["events"][2]["note"] = "x"  # type: ignore[index]
    assert _bad(data).context["path"] == "$.events[2].note"
    data = _data()
    data["events"][0]["actor"]["phone"] = "0900"  # type: ignore[index]
    err = _bad(data)
    assert err.context["path"] == "$.events[0].actor.phone"
    assert "unknown field" in err.message


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d.__setitem__("code", 5), "$.code"),
        (lambda d: d.__setitem__("channel", "fax"), "$.channel"),
        (lambda d: d["events"][0].__setitem__("at", "2026-03-09T09:15:00"), "$.events[0].at"),
        (lambda d: d["events"][0].__setitem__("at", "yesterday"), "$.events[0].at"),
        (lambda d: d["events"][0].__setitem__("at", 1741486500), "$.events[0].at"),
        (lambda d: d["events"][2].__setitem__("amount", 150000.5), "$.events[2].amount"),
        (lambda d: d["events"][2].__setitem__("amount", "lots"), "$.events[2].amount"),
        (lambda d: d["events"][2].__setitem__("amount", "NaN"), "$.events[2].amount"),
        (
            lambda d: d["events"][1]["time_allowed"].__setitem__("unit", "fortnight"),
            "$.events[1].time_allowed.unit",
        ),
        (lambda d: d.__setitem__("events", {"0": 1}), "$.events"),
        (lambda d: d.__setitem__("events", "abc"), "$.events"),
        (
            lambda d: d["sector_rules"].__setitem__("supplement_wait_days", "30"),
            "$.sector_rules.supplement_wait_days",
        ),
        (
            lambda d: d["sector_rules"].__setitem__("supplement_wait_days", True),
            "$.sector_rules.supplement_wait_days",
        ),
        (
            lambda d: d["sector_rules"].__setitem__("payment_excluded_from_limit", 1),
            "$.sector_rules.payment_excluded_from_limit",
        ),
        (
            lambda d: d["sector_rules"]["legal_ref"].__setitem__("date", "09/06/2025"),
            "$.sector_rules.legal_ref.date",
        ),
        (
            lambda d: d["sector_rules"]["legal_ref"].__setitem__("date", 20250609),
            "$.sector_rules.legal_ref.date",
        ),
        (
            lambda d: d["sector_rules"]["legal_ref"].__setitem__("confidence", "rumour"),
            "$.sector_rules.legal_ref",
        ),
        (
            lambda d: d["office_hours"]["windows"].__setitem__(0, ["07:00:00"]),
            "$.office_hours.windows[0]",
        ),
        (
            lambda d: d["office_hours"]["windows"][0].__setitem__(0, "7h"),
            "$.office_hours.windows[0][0]",
        ),
        (lambda d: d.pop("procedure_code"), "$.procedure_code"),
        (lambda d: d["events"][3].__setitem__("kind", "teleported"), "$.events[3].kind"),
        (lambda d: d["processing_time"].pop("type"), "$.processing_time"),
        (lambda d: d["events"][0].__setitem__("to_unit", "UBND"), "$.events[0]"),
        (lambda d: d["events"][4].__setitem__("dossier_code", "OTHER"), "$.events[4]"),
    ],
)
def test_wrong_types_and_values_are_rejected_with_their_path(mutate: object, path: str) -> None:
    data = _data()
    mutate(data)  # type: ignore[operator]
    err = _bad(data)
    assert err.context["path"] == path, err.context["errors"]
    assert path in err.message


def test_timedelta_with_too_much_precision_is_rejected() -> None:
    entry = json.loads(to_json(sample().timeline()[0]))
    entry["duration"] = "1.0000001"
    assert _bad(entry, TimelineEntry).context["path"] == "$.duration"


def test_all_errors_are_listed() -> None:
    data = _data()
    data["code"] = 1
    data["channel"] = 2
    err = _bad(data)
    assert len(err.context["errors"]) == 2
    assert "(and 1 more)" in err.message


def test_schema_version_checks() -> None:
    data = _data()
    del data["schema_version"]
    assert _bad(data).context["path"] == "$.schema_version"
    data = _data()
    data["schema_version"] = "1"
    assert _bad(data).context["path"] == "$.schema_version"
    data = _data()
    data["schema_version"] = SCHEMA_VERSION + 1
    err = _bad(data)
    assert err.context["path"] == "$.schema_version"
    assert err.hint is not None
    assert "upgrade" in err.hint
    data["schema_version"] = 0
    assert "re-export" in (_bad(data).hint or "")


def test_corrupted_json_and_wrong_top_level() -> None:
    text = to_json(sample())
    err = _bad(text[: len(text) // 2])
    assert err.context["path"] == "$"
    assert "corrupted JSON" in err.message
    assert _bad("[1, 2]").context["path"] == "$"
    with pytest.raises(SerializationError):
        from_json(b"\xff\xfe\x00", Dossier)
    with pytest.raises(SerializationError):
        from_dict([1], Dossier)


def test_wrong_arguments() -> None:
    with pytest.raises(InputTypeError):
        to_json({"a": 1})
    with pytest.raises(InputTypeError):
        to_dict(5)
    with pytest.raises(InputTypeError):
        from_json(5, Dossier)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        from_dict({}, dict)
