"""The audit log in words: 'Target for 2030 (whole programme) changed from 78,646 t CO₂e to 60 %
of the baseline left'. Times: dashboard/workspace/common/local_time.py."""

from __future__ import annotations

from dashboard.data_texts import stored_text
from dashboard.i18n import t
from dashboard.workspace.coordinate.editor import OTHER_FIELD_LABELS
from dashboard.workspace.coordinate.target_views import sector_text, target_text
from pipelines.analytics.inputs import TARGET_KINDS
from pipelines.vocab import COMMITMENT_STATUSES, PARTNER_TYPES, SECTOR_BY_CODE, terms_by_code

# Fields of partners and commitments as the forms name them (label keys).
FIELD_LABELS = {
    **OTHER_FIELD_LABELS, "status": "col_status", "progress_pct": "coord_field_progress",
    "target_year": "col_target_year", "note": "coord_field_note", "type": "coord_field_type",
    "website": "coord_field_website", "description": "coord_field_description",
}
CODED = {"status": terms_by_code(COMMITMENT_STATUSES), "type": terms_by_code(PARTNER_TYPES)}


def target_value_text(stored: str | None, lang: str) -> str | None:
    """'absolute_t 78646' (as the log keeps a target) → '78,646 t CO₂e'; None when not one."""
    kind, _, number = (stored or "").partition(" ")
    try:
        value = float(number)
    except ValueError:
        return None
    return target_text(kind, value, lang) if kind in TARGET_KINDS else None


def _value(field: str, stored: str | None, lang: str) -> str:
    if stored is None:
        return "–"
    if field == "sector_code" and stored in SECTOR_BY_CODE:
        return SECTOR_BY_CODE[stored].label(lang)
    terms = CODED.get(field)
    if terms and stored in terms:
        return terms[stored].label(lang)
    return target_value_text(stored, lang) or stored


def _change(subject: str, old: str, new: str, was: str | None, now: str | None, lang: str) -> str:
    if was is None:
        return t("log_set", lang, subject=subject, new=new)
    if now is None:
        return t("log_removed", lang, subject=subject, old=old)
    return t("log_changed", lang, subject=subject, old=old, new=new)


def entry_text(entity: str, field: str, old: str | None, new: str | None, lang: str) -> str:
    """One audit row as a sentence in `lang`."""
    if entity in ("target", "milestone"):
        kind, _, rest = field.partition(":")
        if kind == "milestone":
            sector, _, year = rest.partition(":")
            subject = t("log_milestone", lang, year=year, sector=sector_text(sector, lang))
        else:
            subject = t("log_target", lang, sector=sector_text(rest, lang))
        return _change(subject, _value(field, old, lang), _value(field, new, lang), old, new, lang)
    if entity == "target_set" and field == "name":
        if old is None:
            return t("log_set_created", lang, name=stored_text(new, lang))
        if new is None:
            return t("log_set_removed", lang, name=stored_text(old, lang))
        return t("log_set_renamed", lang, old=stored_text(old, lang), new=stored_text(new, lang))
    if entity == "target_set" and field == "is_primary":
        return t("log_set_primary", lang)
    label = t(FIELD_LABELS[field], lang) if field in FIELD_LABELS else field
    return _change(label, _value(field, old, lang), _value(field, new, lang), old, new, lang)
