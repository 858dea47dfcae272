"""Another user on this machine, for tests of what a stranger can and cannot do.

Made with useradd when the tests run as root and it is missing; where that cannot be
done (not root, no useradd), the tests that need it are skipped and say why.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

NAME = "tradesman-stranger"


@dataclass(frozen=True)
class OtherUser:
    name: str
    uid: int
    gid: int


def other_user() -> OtherUser:
    """The stranger, made if need be; skips the test where no second user can be had."""
    try:
        entry = pwd.getpwnam(NAME)
    except KeyError:
        if os.geteuid() != 0:
            pytest.skip("needs a second user: run the tests as root, or create the user " + NAME)
        useradd = shutil.which("useradd") or "/usr/sbin/useradd"
        if not Path(useradd).exists():
            pytest.skip("needs a second user, and this machine has no useradd to make one")
        subprocess.run(
            [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME],
            check=True, capture_output=True,
        )  # fmt: skip
        entry = pwd.getpwnam(NAME)
    if os.geteuid() != 0:
        pytest.skip("acting as a second user needs root")
    return OtherUser(entry.pw_name, entry.pw_uid, entry.pw_gid)


def python_for(user: OtherUser) -> str:
    """A Python the stranger may run (ours may sit in a folder closed to others); the
    stranger's programs in these tests need the standard library only."""
    for candidate in ("/usr/bin/python3", "/usr/local/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).exists():
            works = subprocess.run(
                [candidate, "-c", "pass"], user=user.uid, group=user.gid, extra_groups=[],
                capture_output=True, timeout=30,
            )  # fmt: skip
            if works.returncode == 0:
                return candidate
    pytest.skip(f"no Python on this machine that {user.name} may run")
