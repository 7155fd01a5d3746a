"""Server-side time of the rerun a toggle causes on Overview (AppTest, no browser).

    .venv/bin/python bench/interaction.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from results import write_section  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

APP = str(ROOT / "dashboard" / "app.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    rows = []
    for name, act in (
        ("quotes toggle", lambda a: a.toggle(key="notes").set_value(not a.toggle(key="notes")
                                                                     .value)),
        ("chart type dots/bars", lambda a: a.button_group(key="chart").set_value(
            "bars" if a.button_group(key="chart").value == "dots" else "dots")),
        ("nominal/constant", lambda a: a.button_group(key="basis").set_value(
            "constant" if a.button_group(key="basis").value == "nominal" else "nominal")),
    ):
        times = []
        for _ in range(args.runs):
            act(at)
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception
        rows.append(f"| {name} | {statistics.median(times) * 1000:.0f} ms | "
                    f"{min(times) * 1000:.0f} ms | {max(times) * 1000:.0f} ms | {len(times)} |")
    body = "\n".join([
        "Server-side script time of the rerun one widget change causes on Overview "
        "(AppTest in one process: the script run, not the network or the browser).", "",
        "| change | median | min | max | n |", "| --- | --- | --- | --- | --- |", *rows])
    print(body)
    write_section("Interaction", body)


if __name__ == "__main__":
    main()
