"""Instructions executed by whole drafter processes, counted by valgrind (callgrind).

Wall-clock times of a 0.2 s process move by ±20 % on a shared machine; instruction counts do not move
at all, so a change of 1 % in drafter's start-up shows here when bench.py cannot see it.  Use it to
compare two versions (run it on each); the targets themselves are judged by bench.py, in seconds.

    .venv/bin/python benchmarks/instructions.py        # needs valgrind (apt-get install valgrind)
    .venv/bin/python benchmarks/instructions.py --quick    # Python and drafter --help only (seconds)

Prints, in millions of instructions: Python itself, the floor under ``drafter render`` (importing
click, PyYAML, pydantic, Jinja2 and python-docx, as bench.py's floor), and ``drafter --help``, ``check`` and
``render`` of the largest example, each with what it costs over the floor.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import FLOOR_IMPORTS, ROOT, drafter_cmd, env_for_processes, largest_example  # noqa: E402

COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(args: list[str], env: dict) -> int:
    """Instructions executed by ``args`` (and nothing it starts), counted by callgrind."""
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
                       env=env, capture_output=True, text=True, errors="replace")
    m = COLLECTED.search(p.stderr)
    if m is None:
        raise SystemExit(f"valgrind did not report a count for {args[:3]}…:\n{p.stderr[-800:]}")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (sys.argv[1:] if argv is None else argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); nothing measured", file=sys.stderr)
        return 2
    env = env_for_processes()
    path = largest_example()[0]
    with tempfile.TemporaryDirectory(prefix="drafter-instr-") as tmp:
        out = Path(tmp) / "one.docx"
        cmds = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "floor (imports)": [sys.executable, "-c", FLOOR_IMPORTS],
            "drafter --help": drafter_cmd() + ["--help"],
            "drafter check": drafter_cmd() + ["check", str(path)],
            "drafter render": drafter_cmd() + ["render", str(path), "-o", str(out), "--force"],
        }
        if quick:
            cmds = {k: v for k, v in cmds.items() if k in ("python -c pass", "drafter --help")}
        for args in cmds.values():                      # once without valgrind: .pyc and caches written
            subprocess.run(args, env=env, capture_output=True)
        counts = {k: instructions(v, env) for k, v in cmds.items()}
    floor = counts.get("floor (imports)")
    print(f"instructions (millions) for {path.relative_to(ROOT)}:")
    for k, n in counts.items():
        extra = f"   floor {'+' if n >= floor else '-'}{abs(n - floor) / 1e6:.0f}M ({(n - floor) / floor:+.0%})" \
            if floor and k.startswith("drafter ") and k != "drafter --help" else ""
        print(f"  {k:18s} {n / 1e6:8.0f}M{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
