"""Typed readers for untrusted dicts that name the exact field that is wrong."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

E = TypeVar("E", bound=StrEnum)
# Seconds, minutes and counts; anything larger is a corrupt file, not data.
MAX_NUMBER = 1e12
T = TypeVar("T")


class ValidationError(ValueError):
    """Data that does not describe a valid retrospective; `path` names the field."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Fields:
    """Reads one JSON object, remembering where it sits in the document."""

    def __init__(self, data: object, path: str, known: set[str]) -> None:
        if not isinstance(data, dict):
            raise ValidationError(path, f"expected an object, got {_show(data)}")
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValidationError(path, f"unknown field {unknown[0]!r}")
        self.data: dict[str, Any] = data
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, default: object) -> object:
        if key in self.data:
            return self.data[key]
        if default is _REQUIRED:
            raise ValidationError(self.at(key), "missing")
        return default

    def text(self, key: str, default: object = "") -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            raise ValidationError(self.at(key), f"expected text, got {_show(value)}")
        return value

    def required_text(self, key: str) -> str:
        return self.text(key, _REQUIRED)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise ValidationError(
                self.at(key), f"expected true/false, got {_show(value)}"
            )
        return value

    def number(self, key: str, default: float = 0.0) -> float:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(
                self.at(key), f"expected a number, got {_show(value)}"
            )
        if not math.isfinite(value) or not 0 <= value <= MAX_NUMBER:
            raise ValidationError(
                self.at(key), f"must be between 0 and {MAX_NUMBER:g}, got {value!r}"
            )
        return float(value)

    def optional_int(self, key: str) -> int | None:
        value = self._get(key, None)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 <= value <= MAX_NUMBER
        ):
            raise ValidationError(
                self.at(key), f"expected a whole number >= 0, got {_show(value)}"
            )
        return value

    def enum(self, key: str, kind: type[E], default: object = None) -> E:
        value = self._get(key, _REQUIRED if default is None else default)
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise ValidationError(
                self.at(key), f"{_show(value)} is not one of: {allowed}"
            ) from None

    def moment(self, key: str, required: bool = False) -> datetime | None:
        value = self._get(key, _REQUIRED if required else None)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValidationError(
                self.at(key), f"expected a date-time, got {_show(value)}"
            )
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                self.at(key), f"not an ISO 8601 date-time: {_show(value)}"
            ) from None
        if moment.tzinfo is None:
            raise ValidationError(self.at(key), f"date-time has no UTC offset: {value}")
        return moment

    def day(self, key: str) -> date | None:
        value = self._get(key, None)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValidationError(self.at(key), f"expected a date, got {_show(value)}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                self.at(key), f"not a YYYY-MM-DD date: {_show(value)}"
            ) from None

    def texts(self, key: str) -> list[str]:
        return self.items(key, lambda item, path: _text_item(item, path))

    def items(self, key: str, read: Callable[[object, str], T]) -> list[T]:
        value = self._get(key, [])
        if not isinstance(value, list):
            raise ValidationError(self.at(key), f"expected a list, got {_show(value)}")
        where = self.at(key)
        return [read(item, f"{where}[{i}]") for i, item in enumerate(value)]


def _text_item(item: object, path: str) -> str:
    if not isinstance(item, str):
        raise ValidationError(path, f"expected text, got {_show(item)}")
    return item


_REQUIRED = object()
