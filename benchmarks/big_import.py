"""Export a very large data set and import the export again: size, time and memory.

    python benchmarks/big_import.py --years 385 --work /tmp/big

385 years of benchmarks/generate.py's busy weeks is about a million blocks and 300,000
tasks. The data goes in once (the generated file), is exported by the app, and that
export is imported into a fresh data folder in a child process, whose time and peak
memory are reported: whatever the app exports, it must import.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import sys, time
from pathlib import Path
from tradesman.paths import prepare_data_folder
from tradesman.services.transfer import import_from_file
from tradesman.store.database import open_store
store = open_store(prepare_data_folder(Path(sys.argv[2])))
began = time.perf_counter()
result = import_from_file(store, Path(sys.argv[1]), "en_GB")
print(f"{result.counts.blocks} blocks, {result.counts.tasks} tasks in "
      f"{time.perf_counter() - began:.1f} s")
store.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--years", type=int, default=385)
    # (Ending far ahead keeps 385 years after 1900, the first year the app plans for.)
    parser.add_argument("--end", type=date.fromisoformat, default=date(2300, 1, 1))
    parser.add_argument("--work", type=Path, required=True, help="an empty folder for the files")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import build_document

    from tradesman.paths import prepare_data_folder
    from tradesman.services import export_file, transfer
    from tradesman.store.database import open_store

    args.work.mkdir(parents=True, exist_ok=True)
    generated, exported = args.work / "generated.json", args.work / "export.json"
    generated.write_text(
        json.dumps(build_document(args.years, args.end, 1), ensure_ascii=False),
        encoding="utf-8",
    )
    store = open_store(prepare_data_folder(args.work / "first"))
    try:
        transfer.import_from_file(store, generated, "en_GB")
        began = time.perf_counter()
        counts = export_file.export_to_file(store, exported, "en_GB")
        took = time.perf_counter() - began
    finally:
        store.close()
    size = exported.stat().st_size
    print(
        f"export: {counts.blocks:,} blocks, {counts.tasks:,} tasks, {size / 1e6:.0f} MB "
        f"({size / max(1, counts.blocks):.0f} bytes a block, all told) in {took:.1f} s; "
        f"the import limit is {transfer.MAX_IMPORT_BYTES / 1e6:.0f} MB"
    )
    began = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(exported), str(args.work / "second")],
        capture_output=True,
        text=True,
    )
    took = time.perf_counter() - began
    if child.returncode != 0:
        print(f"import of the export FAILED:\n{child.stderr}")
        return 1
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(
        f"import of the export: {child.stdout.strip()} ({took:.1f} s with start-up), "
        f"peak memory {peak:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
