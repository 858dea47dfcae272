"""Finding the files shipped in resources/ (installed as the package tradesman.resources)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. resource_path("icons", "tradesman.svg")."""
    return Path(str(files("tradesman.resources").joinpath(*parts)))


def app_icon_path() -> Path:
    return resource_path("icons", "tradesman.svg")
