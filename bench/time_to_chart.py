"""Time from navigation to the Overview chart visible, in fresh browser contexts.

The chart is first shown as a picture drawn on the server, then as the interactive chart
that takes its place (dashboard/style.py); both are measured, and so is the framework's
floor, a bare `st.write("hello")` page, in the same run. Each visit is timed three ways:

- painted: the browser's own record of when it painted the element (Element Timing,
  https://w3c.github.io/element-timing/; the attribute it needs is added by a script that
  runs before the page's own, as each element arrives). This is the headline figure: what
  a visitor sees, for the picture and the floor alike.
- first frame: the first animation frame in which the element is laid out and visible (a
  check run on every frame); also covers the interactive chart, whose SVG Element Timing
  does not report.
- Playwright: when Playwright's `wait_for_selector(state="visible")` returns. Its check runs
  in the page's main thread through the DevTools protocol, so it waits behind whatever
  script the page parses next (on the Overview, the controls' code, after the picture is
  painted) and comes later than the paint.

Prints median and spread over --runs contexts and the ratios. Not a test: run it as
    .venv/bin/python bench/time_to_chart.py --runs 10
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browserkit import CHART_SHOWN, CHART_SVG, CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from results import write_section  # noqa: E402

SIMPLE_CHART_APP = ROOT / "bench" / "simple_chart_app.py"
PICTURE = '.st-key-chartbox [data-testid="stMarkdown"] img'

# Run in every document before its own scripts: marks each target as it arrives with an
# `elementtiming` name, records the browser's paint time of each (window.__painted) and
# the first animation frame in which each is visible (window.__frame), in milliseconds
# from the navigation's start.
_TIMING_JS = """(targets) => {
  window.__painted = {}; window.__frame = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (!(e.identifier in window.__painted))
        window.__painted[e.identifier] = e.renderTime || e.loadTime;
  }).observe({type: "element", buffered: true});
  const find = (t) => [...document.querySelectorAll(t.css)]
    .find((e) => !t.text || e.textContent.includes(t.text));
  const mark = () => {
    for (const [name, t] of Object.entries(targets)) {
      const e = find(t);
      if (!e) continue;
      if (!e.hasAttribute("elementtiming")) e.setAttribute("elementtiming", name);
      const box = e.getBoundingClientRect();
      if (!(name in window.__frame) && e.checkVisibility() && box.width > 0 && box.height > 0
          && (e.tagName !== "IMG" || (e.complete && e.naturalWidth > 0)))
        window.__frame[name] = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {subtree: true, childList: true});
  const loop = () => { mark(); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
}"""


def timing_script(targets: dict[str, dict]) -> str:
    """The init script that times ``targets`` (name: ``{"css": ..., "text": ...}``)."""
    found = {name: {"css": t["css"], "text": t.get("text")} for name, t in targets.items()}
    return f"({_TIMING_JS})({json.dumps(found)})"


def timed_visits(browser, pages: dict[str, tuple[str, dict[str, dict]]], runs: int
                 ) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Visits each page in turn, ``runs`` rounds after one warm-up visit each, so that the
    load of a shared machine falls on all alike. ``pages`` maps a name to its URL and its
    targets (``{"css": selector, "text": words it holds, "wait": Playwright selector}``);
    gives, per page and target, the seconds to its paint, its first visible frame and
    Playwright's sight of it."""
    for url, targets in pages.values():
        ctx = browser.new_context()
        ctx.new_page().goto(url)
        ctx.pages[0].wait_for_selector(next(iter(targets.values()))["wait"], state="visible",
                                       timeout=60_000)
        ctx.close()
    out = {page: {name: {"painted": [], "frame": [], "playwright": []} for name in targets}
           for page, (_, targets) in pages.items()}
    for _ in range(runs):
        for page_name, (url, targets) in pages.items():
            found = out[page_name]
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            ctx.add_init_script(timing_script(targets))
            page = ctx.new_page()
            start = time.perf_counter()
            page.goto(url)
            for name, t in targets.items():
                page.wait_for_selector(t["wait"], state="visible", timeout=60_000)
                found[name]["playwright"].append(time.perf_counter() - start)
            names = json.dumps(list(targets))
            page.wait_for_function(f"{names}.every((n) => n in window.__frame)",
                                   timeout=10_000)
            # a paint entry comes with the next frame; an element Element Timing does not
            # report (the interactive chart's SVG) has none
            page.wait_for_timeout(300)
            painted, frame = page.evaluate("[window.__painted, window.__frame]")
            for name in targets:
                found[name]["frame"].append(frame[name] / 1000)
                if name in painted:
                    found[name]["painted"].append(painted[name] / 1000)
            ctx.close()
    return out


def paint_check(browser, url: str, visits: int) -> list[float]:
    """Milliseconds from the picture's Element Timing paint to the first frame of the
    screen (a DevTools screencast) whose chart box holds the picture's colours: a check
    that the headline measure is what a visitor sees. Separate visits, as encoding every
    frame slows the page."""
    import base64
    import io

    from PIL import Image

    def coloured(png: bytes, box: dict) -> int:
        # the box's columns below the top bar: the controls arriving move the box down
        shot = Image.open(io.BytesIO(png)).convert("HSV")
        area = shot.crop((int(box["x"]), 120, int(box["x"] + box["width"]), shot.height))
        return sum(1 for _, sat, val in area.getdata() if sat > 80 and val > 60)

    gaps = []
    for _ in range(visits):
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        ctx.add_init_script(timing_script({"picture": {"css": PICTURE}}))
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        frames: list[tuple[float, bytes]] = []

        def keep(frame: dict, frames: list = frames, cdp=cdp) -> None:
            frames.append((frame["metadata"]["timestamp"], base64.b64decode(frame["data"])))
            cdp.send("Page.screencastFrameAck", {"sessionId": frame["sessionId"]})

        cdp.on("Page.screencastFrame", keep)
        cdp.send("Page.startScreencast", {"format": "png"})
        page.goto(url)
        page.wait_for_function("'picture' in window.__painted", timeout=30_000)
        page.wait_for_timeout(500)
        cdp.send("Page.stopScreencast")
        origin = page.evaluate("performance.timeOrigin") / 1000
        painted = page.evaluate("window.__painted.picture")
        box = page.locator(".st-key-chartbox").bounding_box()
        shown = [(t - origin) * 1000 for t, png in sorted(frames) if coloured(png, box) > 300]
        if shown:
            gaps.append(shown[0] - painted)
        ctx.close()
    return gaps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--paint-check", type=int, default=5, metavar="N",
                        help="N more visits that film the screen to check the paint times")
    args = parser.parse_args()
    with sync_playwright() as p, contextlib.ExitStack() as servers:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        overview, hello, simple_app = (
            servers.enter_context(streamlit_server(app)) + "/" for app in (
                ROOT / "dashboard" / "app.py", ROOT / "bench" / "hello_app.py",
                SIMPLE_CHART_APP))
        found = timed_visits(browser, {
            "overview": (overview, {"picture": {"css": PICTURE, "wait": CHART_SHOWN},
                                    "interactive": {"css": CHART_SVG, "wait": CHART_SVG}}),
            "floor": (hello, {"hello": {"css": '[data-testid="stMarkdown"] p',
                                        "text": "hello", "wait": "text=hello"}}),
            "simple": (simple_app, {"chart": {"css": CHART_SVG, "wait": CHART_SVG}}),
        }, args.runs)
        gaps = paint_check(browser, overview, args.paint_check)
        browser.close()
    floor, simple = found["floor"]["hello"], found["simple"]["chart"]
    overview_found = found["overview"]
    picture, interactive = overview_found["picture"], overview_found["interactive"]
    base = {how: statistics.median(floor[how]) for how in ("painted", "frame", "playwright")}
    ratio = statistics.median(picture["painted"]) / base["painted"]
    body = "\n".join([
        "From navigation to the element visible, a fresh browser context each visit (after "
        "one warm-up visit; the three pages visited in turn, so that the machine's load "
        "falls on each alike), headless Chromium against a local `streamlit run`; medians, "
        "and × the floor measured the same way. **Painted** is the browser's own paint "
        "time of the element (Element Timing; none for an SVG chart); **first frame** the "
        "first animation frame with it laid out and visible; **Playwright** when "
        "`wait_for_selector(state='visible')` returned, a check that runs in the page's "
        "main thread and so waits behind the script the page parses next.",
        "",
        "| page | painted | × floor | first frame | × floor | Playwright | × floor | n |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *[row(name, times, base) for name, times in (
            ("Overview chart visible (the server's picture)", picture),
            ("Overview interactive chart drawn", interactive),
            ("floor: `st.write('hello')` visible", floor),
            ("a one-layer Altair chart (bench/simple_chart_app.py)", simple))],
        "",
        f"**Ratio, Overview chart painted / floor painted: {ratio:.2f}** (goal: at most "
        "1.3). First frame: "
        f"{statistics.median(picture['frame']) / base['frame']:.2f}; as Playwright's check "
        f"sees it: {statistics.median(picture['playwright']) / base['playwright']:.2f}. "
        "The interactive chart that replaces the picture: "
        f"{statistics.median(interactive['frame']) / base['frame']:.2f} (first frame). A "
        "bare one-layer Altair chart costs "
        f"{statistics.median(simple['frame']) / base['frame']:.2f}× the floor here: "
        "loading and starting Vega in a fresh browser, which the picture does not wait for.",
        "",
        f"Check of the paint times ({len(gaps)} more visits, the screen filmed through "
        "DevTools' screencast): the first frame whose chart box holds the picture's colours "
        "came " + ", ".join(f"{g:+.0f}" for g in gaps) + " ms from the picture's Element "
        "Timing paint time.",
    ])
    print(body)
    write_section("Time to chart", body)


def row(name: str, times: dict[str, list[float]], base: dict[str, float]) -> str:
    cells = []
    for how in ("painted", "frame", "playwright"):
        if times[how]:
            median = statistics.median(times[how])
            cells += [f"{median:.2f} s", f"{median / base[how]:.2f}"]
        else:
            cells += ["–", "–"]
    return f"| {name} | {' | '.join(cells)} | {len(times['frame'])} |"


if __name__ == "__main__":
    main()
