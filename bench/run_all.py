"""Run every benchmark in one go and rewrite bench/RESULTS.md from this one run.

    uv sync --group bench && .venv/bin/python bench/run_all.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = ["extract_throughput.py", "time_to_chart.py", "interaction.py", "load.py",
           "add_batch.py"]


def main() -> int:
    (BENCH / "RESULTS.md").unlink(missing_ok=True)
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        code = subprocess.call([sys.executable, str(BENCH / script)])
        if code:
            print(f"{script} failed with exit code {code}", file=sys.stderr)
            return code
    print(f"wrote {BENCH / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
