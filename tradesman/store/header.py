"""Reading a file's SQLite header without opening it, to refuse files safely.

The first 100 bytes of an SQLite file say whether it is one, which application made it
(application_id) and its schema version (user_version). Reading them with plain file
I/O means a foreign or newer file is refused before SQLite could change a single byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

# 'TRDS' in ASCII: marks a file as Tradesman's (PRAGMA application_id).
APPLICATION_ID = 0x54524453

_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


class FileKind(Enum):
    EMPTY = "empty"
    NOT_SQLITE = "not sqlite"
    FOREIGN = "another program's database"
    TRADESMAN = "tradesman"


@dataclass(frozen=True)
class Header:
    kind: FileKind
    user_version: int = 0


def read_header(path: Path) -> Header:
    """What kind of file `path` is, judged from its first 100 bytes."""
    with path.open("rb") as handle:
        head = handle.read(_HEADER_SIZE)
    if not head:
        return Header(FileKind.EMPTY)
    if len(head) < _HEADER_SIZE or not head.startswith(_MAGIC):
        return Header(FileKind.NOT_SQLITE)
    user_version = int.from_bytes(head[60:64], "big", signed=True)
    application_id = int.from_bytes(head[68:72], "big", signed=True)
    if application_id != APPLICATION_ID:
        return Header(FileKind.FOREIGN, user_version)
    return Header(FileKind.TRADESMAN, user_version)
