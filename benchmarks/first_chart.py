"""First chart: how long after navigation a reader sees the overview's first chart, in headless Chromium.

Builds the demo database in a temporary folder, serves it as production does (`roadmap serve
--production`, gunicorn, 2 workers, compressed assets) on 127.0.0.1, asks the page once so the
server's own caches are warm, then opens `/` --runs times, each in a new browser context (an empty
cache: what a resident's first visit costs). In each run a script installed before the page's own
records `performance.now()` (milliseconds since navigation start) when the first Plotly chart's
SVG enters the page, and the reported time is when the next animation frame (the one that paints it)
runs; the page runs under its real Content-Security-Policy.

The baseline, taken in the same run on the same server, is the `load` event of `/login`: a small
page without Dash, i.e. what the machine, the browser and the network stack cost anyway.

    .venv/bin/python benchmarks/first_chart.py [--runs 5]

The last line printed is one JSON object: first_chart_ms (median, max), login_load_ms (median),
ratio, transferred_kib of the first load. Goal: first chart within 1,200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ROADMAP = Path(sys.executable).parent / "roadmap"
CHROMIUM = "/usr/bin/chromium"
# Runs before any script of the page: notes the moment the first chart's SVG is in the document
# and the start of the next frame (the one that paints it), which is the figure reported.
WATCH = """
(() => {
  const seen = () => document.querySelector('.js-plotly-plot .main-svg');
  const observer = new MutationObserver(() => {
    if (window.__firstChart === undefined && seen()) {
      window.__firstChart = performance.now();
      observer.disconnect();
      // The frame that puts it on screen: when the next animation frame runs.
      requestAnimationFrame(() => { window.__firstChartFrame = performance.now(); });
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(database: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": secrets.token_hex(32)}
    server = subprocess.Popen([str(ROADMAP), "serve", "--production", "--workers", "2", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if requests.get(f"{url}/login", timeout=2).ok:
                return server
        except requests.RequestException:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the dashboard did not start")


def one_visit(browser, url: str) -> tuple[float, int]:
    """(ms from navigation start to the first chart, bytes transferred) in a new, empty context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(WATCH)
    transferred = 0

    def count(response) -> None:
        nonlocal transferred
        size = response.request.sizes()
        transferred += size["responseBodySize"] + size["responseHeadersSize"]

    page.on("requestfinished", lambda request: count(request.response()) if request.response() else None)
    page.goto(f"{url}/?lang=nl")
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
    shown = None
    for _ in range(300):  # evaluate, not wait_for_function: its polling is refused by the page's CSP
        shown = page.evaluate("window.__firstChartFrame")
        if shown is not None:
            break
        time.sleep(0.1)
    page.wait_for_load_state("networkidle")
    context.close()
    return float(shown), transferred


def login_load(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/login", wait_until="load")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    context.close()
    return float(loaded)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "demo.db"
        subprocess.run([str(ROADMAP), "--database-url", f"sqlite:///{database}", "demo"], cwd=ROOT,
                       check=True, capture_output=True)
        port = free_port()
        server = serve(database, port)
        url = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                one_visit(browser, url)  # the server's caches (and its compressed assets) warm
                time.sleep(2)
                visits = [one_visit(browser, url) for _ in range(args.runs)]
                baseline = statistics.median(login_load(browser, url) for _ in range(args.runs))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    shown = [ms for ms, _ in visits]
    result = {
        "first_chart_ms": round(statistics.median(shown)), "first_chart_max_ms": round(max(shown)),
        "login_load_ms": round(baseline), "ratio": round(statistics.median(shown) / baseline, 2),
        "transferred_kib": round(statistics.median(b for _, b in visits) / 1024), "runs": args.runs,
        "goal_ms": 1200,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
