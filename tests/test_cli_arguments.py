"""The command line is read the same way whichever parser reads it: the window's start
takes a short way round (no command's parser is built) only where the full parser
would read exactly the same."""

from __future__ import annotations

import pytest

from tradesman import cli

SAME_EITHER_WAY = [
    [],
    ["--smoke-test"],
    ["--data-dir", "/tmp/a folder"],
    ["--data-dir=/tmp/x", "--smoke-test"],
    ["--smoke-test", "--data-dir", "relative/place"],
    ["--data-dir="],
    # Not the window's own options written out: the full parser reads these.
    ["--smoke"],
    ["--data", "/tmp/x"],
    ["summary", "--json"],
    ["--data-dir", "/tmp/x", "print-week", "-o", "-"],
    ["--data-dir", "summary"],
]


@pytest.mark.parametrize("words", SAME_EITHER_WAY, ids=lambda words: " ".join(words) or "none")
def test_the_short_way_reads_what_the_full_parser_reads(words: list[str]) -> None:
    assert vars(cli.parse_arguments(words)) == vars(cli.build_parser().parse_args(words))


def test_opening_the_window_builds_no_commands_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def built() -> None:
        raise AssertionError("the full parser was built")

    monkeypatch.setattr(cli, "build_parser", built)
    args = cli.parse_arguments(["--data-dir", "/tmp/x", "--smoke-test"])
    assert (args.command, args.data_dir, args.smoke_test) == (None, "/tmp/x", True)


@pytest.mark.parametrize("words", [["--data-dir"], ["--data-dir", "--smoke-test"], ["--nope"]])
def test_a_mistake_is_told_by_the_full_parser(
    words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.parse_arguments(words)
    assert stopped.value.code == 2
    assert "COMMAND" in capsys.readouterr().err  # (the usage names the commands)
