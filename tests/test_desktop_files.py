"""The Linux desktop files and the icon set agree with tradesman/identity.py, and pass
the freedesktop validators where those are installed (CI installs them)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import ROOT
from PySide6.QtGui import QImage

from tradesman.assets import ICON_SIZES, app_icon_path
from tradesman.identity import APP_ID, APP_NAME, VERSION

LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ORANGE, GREEN = 0xC7772E, 0x2F9E68  # the icon's technician and business colours


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def test_the_desktop_file_names_the_app_as_identity_does() -> None:
    entry = desktop_entry()
    assert DESKTOP.is_file()
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    # X11's window class as Qt sets it (the application name), so docks group the window
    # under this launcher; on Wayland the app id is the file's name (setDesktopFileName).
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Exec"].split()[0] == "tradesman"  # the gui-script in pyproject.toml


def test_the_metainfo_names_the_app_as_identity_does() -> None:
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    versions = [release.get("version", "") for release in root.iterfind("releases/release")]
    assert versions, "no <release> in the metainfo"
    # Newest first (AppStream's order), and the newest is the version being built.
    assert versions == sorted(versions, key=version_key, reverse=True)
    assert versions[0] == VERSION


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_icon_size_is_drawn(size: int) -> None:
    path = app_icon_path(size)
    image = QImage(str(path))
    assert not image.isNull(), f"cannot read {path}"
    assert (image.width(), image.height()) == (size, size)
    colours = {
        image.pixelColor(x, y).rgb() & 0xFFFFFF
        for x in range(size)
        for y in range(size)
        if image.pixelColor(x, y).alpha() == 255
    }
    assert {ORANGE, GREEN, 0xFFFFFF} <= colours, "the icon lost its orange, green or white"


def test_the_scalable_icon_is_the_current_drawing() -> None:
    """packaging/make_icons.py copies the SVG; a changed drawing needs it run again."""
    drawing = ROOT / "resources" / "icons" / "tradesman.svg"
    assert app_icon_path().read_bytes() == drawing.read_bytes()


def run_validator(*command: str | Path) -> subprocess.CompletedProcess[str]:
    if shutil.which(str(command[0])) is None:
        pytest.skip(f"{command[0]} is not installed (apt-get install desktop-file-utils appstream)")
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=60
    )


def test_the_desktop_file_validates() -> None:
    result = run_validator("desktop-file-validate", DESKTOP)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_the_metainfo_validates() -> None:
    result = run_validator("appstreamcli", "validate", "--no-net", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr
