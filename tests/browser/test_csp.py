"""The dashboard under its Content-Security-Policy: the overview draws every chart with no console
error and no CSP violation, and the policy is enforced (inline scripts not of Dash's refused)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser_support import wait_until

pytestmark = pytest.mark.browser

# Collected before any page script runs (an init script is not subject to the page's policy).
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_the_overview_draws_its_charts_under_the_csp_with_no_console_error(page, seeded_url):
    page.add_init_script(WATCH_VIOLATIONS)
    response = page.goto(f"{seeded_url}/?lang=en")
    policy = response.headers["content-security-policy"]
    assert "'unsafe-eval'" not in policy and "script-src 'self' 'sha256-" in policy
    assert "script-src 'self' 'unsafe-inline'" not in policy
    open_page(page, f"{seeded_url}/?lang=en")
    # Five charts on the overview: trajectory, commitments gap, sectors, the scenario's wedge and bar.
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    drawn = page.evaluate("Array.from(document.querySelectorAll('.js-plotly-plot'))"
                          ".filter(p => p.data && p.data.length > 0).length")
    assert drawn == 5  # trajectory, gap, sectors, and the scenario's wedge chart and bar
    page.get_by_role("link", name="Nederlands").click()  # a callback round trip under the policy
    expect(page.locator("h1")).to_have_text("Zijn we op koers?")
    assert page.evaluate("window.__cspViolations") == []


def test_the_policy_refuses_injected_inline_scripts(browser, seeded_url):
    # A page of its own: the refusals below are meant to show as console errors. (eval cannot be
    # tried from here: Playwright's own scripts run outside the page's policy; that the policy has
    # no 'unsafe-eval' is checked above.)
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH_VIOLATIONS)
    open_page(page, f"{seeded_url}/?lang=en")
    ran = page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true;';
        document.body.appendChild(s);
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__injected = true;');
        img.src = 'data:,not an image';
        document.body.appendChild(img);
        return window.__injected === true;
    }""")
    assert ran is False
    wait_until(page, "window.__cspViolations.length >= 2")
    directives = page.evaluate("window.__cspViolations")
    assert all(d.startswith("script-src") for d in directives), directives
    assert page.evaluate("window.__injected === true") is False
    context.close()
