"""The package list in pyproject.toml covers every folder that must ship."""

from __future__ import annotations

import tomllib
from pathlib import Path

from helpers import ROOT


def shipped_folders() -> set[str]:
    """Folders of tradesman/ and resources/ that hold files, named as packages."""
    names = set()
    for top, package in (("tradesman", "tradesman"), ("resources", "tradesman.resources")):
        for folder in [ROOT / top, *(ROOT / top).rglob("*")]:
            if (
                folder.is_dir()
                and folder.name != "__pycache__"
                and any(f.is_file() and f.suffix != ".pyc" for f in folder.iterdir())
            ):
                relative = folder.relative_to(ROOT / top).parts
                names.add(".".join((package, *relative)))
    return names


def test_every_folder_with_files_is_a_listed_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = set(config["tool"]["setuptools"]["packages"])
    # A package whose package-data takes "**/*" ships its subfolders as data (the
    # icon theme's hicolor/16x16/apps/, whose names are no package names anyway).
    data_trees = {
        package
        for package, patterns in config["tool"]["setuptools"]["package-data"].items()
        if "**/*" in patterns
    }
    left_out = {
        folder
        for folder in shipped_folders() - packages
        if not any(folder.startswith(f"{tree}.") for tree in data_trees & packages)
    }
    assert packages <= shipped_folders()
    assert not left_out


def test_shipped_files_are_found_where_importlib_resources_finds_them() -> None:
    from importlib.resources import files

    from tradesman.assets import resource_path

    for parts in [("icons",), ("fonts", "LICENSE.txt"), ("task_templates.json",)]:
        shipped = Path(str(files("tradesman.resources").joinpath(*parts)))
        assert resource_path(*parts) == shipped and shipped.exists()


def test_the_icon_is_found_where_it_ships() -> None:
    from tradesman.assets import app_icon_path

    assert app_icon_path().read_text().startswith("<svg")
    assert app_icon_path(16).read_bytes().startswith(b"\x89PNG")
