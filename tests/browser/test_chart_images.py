"""Chart images in a browser: the PNG and SVG buttons of the overview's charts save the chart as
shown, with its title, source line and date, named after the programme and the chart."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, open_page

pytestmark = pytest.mark.browser
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _block(page, heading: str):
    return page.locator(".chart-block", has=page.get_by_role("heading", name=heading, exact=True))


def test_png_of_the_trajectory_chart_is_a_png_named_after_programme_chart_and_day(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    block = _block(page, "Emissions, target pathway and trend")
    with page.expect_download() as download:
        block.get_by_role("button", name="Download as an image (PNG)").click()
    today = date.today().isoformat()  # the browser's and the test's clock are the same machine's
    assert download.value.suggested_filename == f"leuven-emissions-target-pathway-and-trend-{today}.png"
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(PNG_MAGIC)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 1000 and height > 400  # the chart's 380 px and the title's 80


def test_svg_of_the_sectors_chart_holds_title_source_date_and_the_series(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    block = _block(page, "Emissions by sector")
    button = block.get_by_role("button", name="Download as an image (SVG)")
    button.focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")  # a real button: the keyboard works as the mouse does
    assert re.fullmatch(r"leuven-emissions-by-sector-\d{4}-\d{2}-\d{2}\.svg", download.value.suggested_filename)
    svg = Path(download.value.path()).read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "Emissions by sector" in svg
    assert "Source: Leuven 2030, Climate roadmap: progress" in svg
    assert date.today().strftime("%Y") in svg
    assert "Buildings" in svg and "Transport" in svg  # the legend of the chart as shown


def test_dutch_image_buttons_and_svg_speak_dutch(dutch_page, seeded_url):
    page = dutch_page
    open_page(page, f"{seeded_url}/?lang=nl")
    block = _block(page, "Uitstoot per sector")
    with page.expect_download() as download:
        block.get_by_role("button", name="Download als afbeelding (SVG)").click()
    assert download.value.suggested_filename.startswith("leuven-uitstoot-per-sector-")
    svg = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Bron: Leuven 2030, Klimaatroadmap: voortgang" in svg


def test_overview_with_image_buttons_is_axe_clean_on_a_phone(phone_page, seeded_url):
    open_page(phone_page, f"{seeded_url}/?lang=en")
    # trajectory, gap, sectors, and the scenario's wedge chart and bar
    expect(phone_page.get_by_role("button", name="Download as an image (PNG)")).to_have_count(5)
    assert axe_violations(phone_page) == []
