"""The catalogues seen as key -> (Dutch, English), for tests and tools that compare the two.

The texts themselves live in `<lang>/LC_MESSAGES/messages.po` (see `tools/labels_to_po.py` to add
labels); this view is read from them, so it cannot drift. Pages use `dashboard.i18n.t` / `tn`.
"""

from dashboard.i18n import t
from dashboard.locales.catalogues import keys

LABELS: dict[str, tuple[str, str]] = {key: (t(key, "nl"), t(key, "en")) for key in keys()}
