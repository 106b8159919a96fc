"""Each partner's story and commitments, as text (never HTML: the words are typed by people)."""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd
from dash import html
from sqlalchemy import Engine

from dashboard import queries
from dashboard.data_texts import label_around, written
from dashboard.i18n import fmt_date, fmt_number, fmt_pct, t, tn
from pipelines.vocab import COMMITMENT_STATUSES, PARTNER_TYPES, SECTOR_BY_CODE, terms_by_code

STATUS_TERMS = terms_by_code(COMMITMENT_STATUSES)
TYPE_TERMS = terms_by_code(PARTNER_TYPES)
MAX_CARDS = 60
SORT_COLUMNS = {
    "partner": (["partner", "title"], [True, True]),
    "reduction": (["reduction_t_per_year", "partner"], [False, True]),
    "target_year": (["target_year", "partner"], [True, True]),
    "status": (["status_order", "partner"], [True, True]),
}


def safe_url(url) -> str | None:
    """The link if it is an http(s) address, else None (no javascript: or data: links)."""
    if not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def sorted_commitments(found: pd.DataFrame, sort: str) -> pd.DataFrame:
    columns, ascending = SORT_COLUMNS.get(sort, SORT_COLUMNS["partner"])
    order = {code: i for i, code in enumerate(STATUS_TERMS)}
    frame = found.assign(status_order=found["status"].map(order))
    return frame.sort_values(columns, ascending=ascending, na_position="last", kind="stable")


def partner_cards(engine: Engine, programme_id: int, commitments: pd.DataFrame, lang: str) -> html.Ul:
    """One article per partner with a matching commitment, in the table's order."""
    partner_ids = list(dict.fromkeys(int(i) for i in commitments["partner_id"]))[:MAX_CARDS]
    partners = queries.partners(engine, programme_id, partner_ids).set_index("id")
    cards = []
    for pid in partner_ids:
        if pid in partners.index:
            own = commitments[commitments["partner_id"] == pid]
            cards.append(html.Li(_card(pid, partners.loc[pid], own, lang)))
    return html.Ul(cards, className="partner-list")


def _card(pid: int, partner: pd.Series, own: pd.DataFrame, lang: str) -> html.Article:
    """Name, kind and commitment count always shown; the story and commitments behind a click."""
    heading_id = f"partner-{pid}"
    meta = [TYPE_TERMS[partner["type"]].label(lang) if partner["type"] in TYPE_TERMS else partner["type"]]
    if partner["sector_code"] in SECTOR_BY_CODE:
        meta.append(SECTOR_BY_CODE[partner["sector_code"]].label(lang))
    if pd.notna(partner["joined_on"]):
        meta.append(t("joined_on", lang, date=fmt_date(partner["joined_on"], lang)))
    meta.append(tn("partner_commitment_count", lang, len(own)))
    summary = html.Summary([html.H3(written(partner["name"], lang), id=heading_id),
                            html.P(" · ".join(meta), className="partner-meta")])
    children = []
    if isinstance(partner["description"], str) and partner["description"].strip():
        children.append(written(partner["description"], lang, html.P))
    website = safe_url(partner["website"])
    if website:
        text = label_around(t("partner_website", lang, name="\0"), written(partner["name"], lang))
        children.append(html.P(html.A(text, href=website,
                                      rel="noopener noreferrer", target="_blank")))
    children += [_commitment(row, lang) for row in own.itertuples(index=False)]
    return html.Article(html.Details([summary, *children]), className="partner",
                        **{"aria-labelledby": heading_id})


def _commitment(row, lang: str) -> html.Div:
    status = STATUS_TERMS.get(row.status)
    facts = [html.Span(status.label(lang) if status else row.status, className="status")]
    if pd.notna(row.reduction_t_per_year):
        facts.append(f" · {t('reduction_per_year', lang, value=fmt_number(row.reduction_t_per_year, lang))}")
    if pd.notna(row.target_year):
        facts.append(f" · {t('by_year', lang, year=int(row.target_year))}")
    if pd.notna(row.progress_pct):
        facts.append(f" · {t('progress_done', lang, pct=fmt_pct(row.progress_pct, lang))}")
    children = [written(row.title, lang, html.H4), html.P(facts)]
    if isinstance(row.description, str) and row.description.strip():
        children.append(written(row.description, lang, html.P))
    link = safe_url(row.url)
    if link:
        text = label_around(t("commitment_link", lang, title="\0"), written(row.title, lang))
        children.append(html.P(html.A(text, href=link,
                                      rel="noopener noreferrer", target="_blank")))
    return html.Div(children, className="commitment")
