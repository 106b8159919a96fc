"""Today's date, from one place: what "the current year" means for every check that needs it.

A measurement cannot be for a period still to come (pipelines/load/indicator_rows.py). Tests
must not break on 1 January, so the date can be set: in-process with `LoadOptions.today`, and
for a `roadmap` subprocess with the environment variable ROADMAP_TODAY (an ISO date,
YYYY-MM-DD). Nothing else reads the system clock for this.
"""

from __future__ import annotations

import os
from datetime import date

from pipelines.errors import Bilingual, UserError

ENV = "ROADMAP_TODAY"


def today() -> date:
    """ROADMAP_TODAY when set (a UserError naming it when it is no date), else the system date."""
    text = os.environ.get(ENV, "").strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(Bilingual(
            f"{ENV}={text!r}: expected a date written YYYY-MM-DD, or unset",
            f"{ENV}={text!r}: verwacht een datum in de vorm JJJJ-MM-DD, of laat de variabele leeg",
            f"{ENV}={text!r} : une date au format AAAA-MM-JJ est attendue, ou laissez la variable vide",
        )) from None
