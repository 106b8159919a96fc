"""Fold label modules `{key: (nl, en)}` (+ `{key: french}`) into the gettext catalogues.

    python tools/labels_to_po.py                     # every dashboard/locales/*_labels.py
    python tools/labels_to_po.py path/to/x_labels.py # only these modules
    python tools/labels_to_po.py --remove            # ... and delete each module once folded
    python tools/labels_to_po.py --overwrite         # replace texts already in the catalogues

A module's dicts named `*_LABELS` hold key -> (Dutch, English); dicts named `*_FRENCH` hold
key -> French. Keys missing from a catalogue are added; an existing non-empty text is kept
unless --overwrite. A pair `key_one` / `key_other` becomes one plural entry (ngettext).
The catalogues are then checked: every key in nl, en and fr, the same {placeholders}.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from dashboard.locales.catalogues import CATALOGUE_LANGUAGES, DOMAIN, po_path  # noqa: E402
from pipelines.errors import french_spacing  # noqa: E402  (the one rule, as the pipelines' texts use it)

LOCALES = ROOT / "dashboard" / "locales"
PLACEHOLDER = re.compile(r"{(\w+)}")
# gettext's classic rules (two forms), not CLDR's: French says "0 problème", and CLDR's extra
# French form for round millions would need a third text for every plural label.
PLURAL_FORMS = {"nl": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);",
                "fr": "nplurals=2; plural=(n > 1);"}
HEADER = "Labels of the climate-roadmap dashboard. msgid is the label key (dashboard.i18n.t)."


def load_module(path: Path) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    spec = importlib.util.spec_from_file_location(f"_labels_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    labels: dict[str, tuple[str, str]] = {}
    french: dict[str, str] = {}
    for name, value in vars(module).items():
        if not isinstance(value, dict) or name.startswith("_"):
            continue
        if name.endswith("_FRENCH"):
            french.update(value)
        elif (name == "LABELS" or name.endswith("_LABELS")) and all(
            isinstance(v, tuple) and len(v) == 2 for v in value.values()
        ):
            labels.update(value)
    return labels, french


def open_catalogue(lang: str) -> Catalog:
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=lang, domain=DOMAIN)
    catalogue = Catalog(locale=lang, domain=DOMAIN, project="climate-roadmap", version="0.1.0",
                        header_comment=f"# {HEADER}", fuzzy=False)
    catalogue.mime_headers = [("Plural-Forms", PLURAL_FORMS.get(lang, "nplurals=2; plural=(n != 1);"))]
    return catalogue


def save_catalogue(lang: str, catalogue: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=0, omit_header=False, sort_output=False,
                 ignore_obsolete=True, include_previous=False)


def texts_by_language(labels, french) -> dict[str, dict[str, str]]:
    by_lang = {"nl": {}, "en": {}, "fr": {}}
    for key, (nl, en) in labels.items():
        by_lang["nl"][key], by_lang["en"][key] = nl, en
    by_lang["fr"].update({key: french_spacing(text) for key, text in french.items()})
    return by_lang


def fold(texts: dict[str, str], all_keys: list[str], catalogue: Catalog, overwrite: bool) -> int:
    """Add or fill each key of `all_keys` in `catalogue` with `texts`; the number of texts written."""
    written = 0
    for key in all_keys:
        if key.endswith("_other") and key[:-6] + "_one" in all_keys:
            continue  # written with its `_one`
        other = key[:-4] + "_other" if key.endswith("_one") else None
        if other is not None and other in all_keys:
            msgid: str | tuple[str, str] = (key, other)
            wanted = (texts.get(key, ""), texts.get(other, ""))
        else:
            msgid, wanted = key, texts.get(key, "")
        message = catalogue.get(key)
        if message is None:
            flags = ["python-brace-format"] if PLACEHOLDER.search(" ".join(wanted if isinstance(wanted, tuple) else [wanted])) else []
            catalogue.add(msgid, wanted, flags=flags)
            written += 1 if any(wanted) else 0
            continue
        current = message.string
        empty = not any(current) if isinstance(current, tuple | list) else not current
        if (empty or overwrite) and any(wanted if isinstance(wanted, tuple) else [wanted]):
            message.string = wanted
            written += 1
    return written


def check(catalogues: dict[str, Catalog]) -> list[str]:
    """Every key with a text in every language and the same {placeholders} as the English."""
    problems = []
    english = {m.id: m.string for m in catalogues["en"] if m.id}
    for lang, catalogue in catalogues.items():
        found = {m.id: m.string for m in catalogue if m.id}
        for msgid, en_text in english.items():
            text = found.get(msgid)
            strings = text if isinstance(text, tuple | list) else [text]
            en_strings = en_text if isinstance(en_text, tuple | list) else [en_text]
            if not text or not all(s and s.strip() for s in strings):
                problems.append(f"{lang}: no text for {msgid}")
                continue
            wanted = set().union(*(PLACEHOLDER.findall(s) for s in en_strings))
            have = set().union(*(PLACEHOLDER.findall(s) for s in strings))
            if have - wanted or (wanted - have) - {"count"}:
                problems.append(f"{lang}: {msgid} has {sorted(have)}, English {sorted(wanted)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", type=Path,
                        help="label modules (default: every dashboard/locales/*_labels.py)")
    parser.add_argument("--overwrite", action="store_true", help="replace existing texts")
    parser.add_argument("--remove", action="store_true", help="delete each module once folded")
    args = parser.parse_args(argv)
    modules = args.modules or sorted(LOCALES.glob("*_labels.py"))
    labels: dict[str, tuple[str, str]] = {}
    french: dict[str, str] = {}
    for path in modules:
        module_labels, module_french = load_module(path)
        labels.update(module_labels)
        french.update(module_french)
        print(f"{path}: {len(module_labels)} labels, {len(module_french)} French")
    missing_french = sorted(set(labels) - set(french))
    texts = texts_by_language(labels, french)
    catalogues = {lang: open_catalogue(lang) for lang in CATALOGUE_LANGUAGES}
    keys = list(labels) + [k for k in french if k not in labels]
    for lang, catalogue in catalogues.items():
        written = fold(texts[lang], keys, catalogue, args.overwrite)
        save_catalogue(lang, catalogue)
        print(f"{po_path(lang)}: {written} texts written")
    problems = check(catalogues)
    for problem in problems:
        print(problem, file=sys.stderr)
    if missing_french:
        print(f"No French given for {len(missing_french)} keys: {', '.join(missing_french[:20])}",
              file=sys.stderr)
    if args.remove and not problems:
        for path in modules:
            path.unlink()
            print(f"removed {path} (its labels are in the catalogues now)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
