"""One headless Chromium for every browser test in the session (Playwright allows one per process).

Debian's /usr/bin/chromium, driven by Playwright (never downloaded); axe-core from node_modules.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic"]
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA and best-practice violations on the page as it is now."""
    # Evaluated, not added as a <script> tag: the page's Content-Security-Policy refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))})))",
        AXE_TAGS,
    )


def wait_until(page: Page, expression: str, arg=None, timeout_s: float = 15.0) -> None:
    """Until the page's `expression` (or function of `arg`) is truthy, as a reader waits for what
    they clicked to show. Not Playwright's wait_for_function: after its first try it polls through
    a string evaluated in the page, which the page's Content-Security-Policy (no 'unsafe-eval')
    refuses, so it passed only when the condition held at once. Each try here is a DevTools
    evaluation, which the policy does not govern; a try that throws (an element not there yet)
    counts as not yet."""
    deadline = time.monotonic() + timeout_s
    last: object = None
    while True:
        try:
            last = page.evaluate(expression, arg)
        except PlaywrightError as error:
            last = error
        if last and not isinstance(last, PlaywrightError):
            return
        assert time.monotonic() < deadline, f"not reached within {timeout_s} s: {expression!r} gave {last!r}"
        page.wait_for_timeout(50)


PHONE_FIT = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot =>
  [plot.getAttribute('data-phone-fit'), plot.layout && plot.layout.height, plot.querySelectorAll('.legendtext').length])"""


def phone_charts_settled(page: Page, rounds: int = 40) -> None:
    """Until assets/dashboard.js's phone fit is done on every chart and nothing moves for 400 ms.
    A chart a later callback draws again (the overview's scenario) starts a new fit after an
    earlier 'done': one look at 'done' could catch the new chart before its legend grew."""
    previous = None
    for _ in range(rounds):
        wait_until(page, """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
            .every(p => p.getAttribute('data-phone-fit') === 'done')""")
        page.wait_for_timeout(400)
        now = page.evaluate(PHONE_FIT)
        if now == previous and all(fit == "done" for fit, _height, _legend in now):
            return
        previous = now
    raise AssertionError(f"the charts kept changing on the phone: {previous}")
