"""Small helpers for writing numbers into sentences."""

from __future__ import annotations


def count_of(number: int, thing: str, things: str | None = None) -> str:
    """count_of(1, "task") -> '1 task'; count_of(4000, "task") -> '4,000 tasks'."""
    word = thing if number == 1 else (things or f"{thing}s")
    return f"{number:,} {word}"
