"""`roadmap status` as text: one target set's summary (pipelines.status_report) in English, Dutch or French.

Each line is a template in the three languages with the same {fields}; the numbers are written
the same way in every language (as the English that scripts read). The summary's own words
(status reason, warnings) are Bilingual when it was computed now, English as stored.
"""

from __future__ import annotations

from pipelines.analytics.trend import NOT_ENOUGH_DATA
from pipelines.errors import Bilingual, in_language, number_text, plural
from pipelines.vocab import (
    COMMITMENT_STATUSES,
    TRACK_STATUSES,
    sector_label,
    terms_by_code,
)

NOT_AVAILABLE = Bilingual("n/a", "n.b.", "n.d.")
LABEL_WIDTH = 20  # the values of the headline lines start in one column
SECTOR_WIDTH = 38

PRIMARY = Bilingual(" (primary)", " (hoofddoelstelling)", " (principal)")
HEADER = Bilingual("{programme} - target set '{name}'{primary}: {target}",
                   "{programme} - doelstelling '{name}'{primary}: {target}",
                   "{programme} - ensemble d'objectifs « {name} »{primary} : {target}")
TARGET = Bilingual("{what} by {year}, {pathway}", "{what} in {year}, {pathway}", "{what} en {year}, {pathway}")
TARGET_KINDS = {
    "residual_pct": Bilingual("{value} % of the baseline left", "{value} % van het basisjaar over",
                              "{value} % de l'année de référence restant"),
    "reduction_pct": Bilingual("{value} % reduction", "{value} % reductie", "{value} % de réduction"),
}
PATHWAYS = {
    "linear": Bilingual("linear pathway", "lineair doeltraject", "trajectoire linéaire"),
    "milestones": Bilingual("milestones pathway", "doeltraject via tussendoelen", "trajectoire par jalons"),
    "constant_rate": Bilingual("constant rate pathway", "doeltraject met constant tempo", "trajectoire à taux constant"),
}
STATUS = Bilingual("Status: {status} - {reason}", "Status: {status} - {reason}", "Statut : {status} - {reason}")
BASELINE_SOURCES = {"series": Bilingual("series", "gemeten reeks", "série mesurée"),
                    "published": Bilingual("published", "gepubliceerd", "publiée")}

BASELINE = (Bilingual("Baseline {year}:", "Basisjaar {year}:", "Référence {year} :"),
            "{t} t CO2e ({source})")  # the same in every language
LATEST = (Bilingual("Latest {year}:", "Laatste {year}:", "Dernière {year} :"),
          Bilingual("{t} t  ({change} vs baseline; progress {progress} of the way to the target)",
                    "{t} t  ({change} t.o.v. het basisjaar; voortgang {progress} van de weg naar het doel)",
                    "{t} t  ({change} par rapport à la référence ; avancement {progress} du chemin vers l'objectif)"))
PATHWAY = (Bilingual("Pathway {year}:", "Traject {year}:", "Trajectoire {year} :"),
           Bilingual("{t} t  (gap {gap})", "{t} t  (kloof {gap})", "{t} t  (écart {gap})"))
ON_THE_PATHWAY = Bilingual("0 t, on the pathway", "0 t, op het doeltraject", "0 t, sur la trajectoire")
ABOVE = Bilingual("{t} t above the pathway", "{t} t boven het doeltraject", "{t} t au-dessus de la trajectoire")
BELOW = Bilingual("{t} t below the pathway", "{t} t onder het doeltraject", "{t} t sous la trajectoire")
TARGET_LINE = Bilingual("Target {year}:", "Doel {year}:", "Objectif {year} :")
YEARS_LEFT = (Bilingual("{t} t  ({years} years left)", "{t} t  (nog {years} jaar)", "{t} t  ({years} an restant)"),
              Bilingual("{t} t  ({years} years left)", "{t} t  (nog {years} jaar)", "{t} t  ({years} ans restants)"))
TREND = (Bilingual("Trend:", "Trend:", "Tendance :"),
         Bilingual("Trend to {year}:", "Trend tot {year}:", "Tendance {year} :"),
         Bilingual("{t} t (90 % interval {low} to {high}; linear {rate} t/yr, last {n} values)",
                   "{t} t (90 %-interval {low} tot {high}; lineair {rate} t/jaar, laatste {n} waarden)",
                   "{t} t (intervalle à 90 % de {low} à {high} ; linéaire {rate} t/an, {n} dernières valeurs)"))
REACHED = (Bilingual("Target reached:", "Doel gehaald:", "Objectif atteint :"),
           Bilingual("{year} at the current pace{rate}", "{year} aan het huidige tempo{rate}",
                     "{year} au rythme actuel{rate}"),
           Bilingual("; constant rate {rate} %/yr, target reached: {year}",
                     "; constant tempo {rate} %/jaar, doel gehaald: {year}",
                     " ; taux constant {rate} %/an, objectif atteint : {year}"))
BUDGET = (Bilingual("Carbon budget {start}-{end}:", "Koolstofbudget {start}-{end}:", "Budget carbone {start}-{end} :"),
          Bilingual("{t} t; {used}; runs out: {year}", "{t} t; {used}; uitgeput: {year}", "{t} t ; {used} ; épuisé : {year}"),
          Bilingual("used {t} t to {year}", "{t} t gebruikt tot {year}", "{t} t utilisées jusqu'en {year}"),
          Bilingual("not started yet", "nog niet begonnen", "pas encore entamé"))
PER_CAPITA = (Bilingual("Per inhabitant:", "Per inwoner:", "Par habitant :"),
              Bilingual("no population figure for a year with a total", "geen inwonersaantal voor een jaar met een totaal",
                        "pas de population pour une année avec un total"),
              Bilingual("Per inhabitant {year}:", "Per inwoner {year}:", "Par habitant {year} :"),
              Bilingual(" ({year}: {t} t, {change})", " ({year}: {t} t, {change})", " ({year} : {t} t, {change})"))
SECTOR_HEADINGS = (Bilingual("Sector", "Sector", "Secteur"), Bilingual("baseline", "basisjaar", "référence"),
                   Bilingual("latest", "laatste", "dernière"), Bilingual("year", "jaar", "année"),
                   Bilingual("change", "verschil", "évolution"), Bilingual("status", "status", "statut"))
COMMITMENTS = (
    Bilingual("Commitments: {count} from {partners} {partner_word}; counted {counted} t/yr (achieved {achieved}, "
              "in progress {in_progress}, planned {planned}); apart: delayed {delayed}, withdrawn {withdrawn}",
              "Engagementen: {count} van {partners} {partner_word}; geteld {counted} t/jaar (gerealiseerd {achieved}, "
              "bezig {in_progress}, gepland {planned}); apart: vertraagd {delayed}, ingetrokken {withdrawn}",
              "Engagements : {count} de {partners} {partner_word} ; comptés {counted} t/an (réalisés {achieved}, "
              "en cours {in_progress}, prévus {planned}) ; à part : retardés {delayed}, retirés {withdrawn}"),
    Bilingual("  Needed reduction {needed} t/yr; committed but not yet delivered {pending}; "
              "not covered by any commitment {uncovered}",
              "  Nodige reductie {needed} t/jaar; toegezegd maar nog niet geleverd {pending}; "
              "door geen engagement gedekt {uncovered}",
              "  Réduction nécessaire {needed} t/an ; engagée mais pas encore réalisée {pending} ; "
              "couverte par aucun engagement {uncovered}"),
    Bilingual("  If every commitment delivers: {t} t in {year}", "  Als alle engagementen slagen: {t} t in {year}",
              "  Si chaque engagement aboutit : {t} t en {year}"),
    Bilingual("  Overdue: {partner} - {title} (due {year}, {status})",
              "  Over tijd: {partner} - {title} (gepland voor {year}, {status})",
              "  En retard : {partner} - {title} (prévu pour {year}, {status})"),
    Bilingual("  ... and {count} more overdue", "  ... en nog {count} over tijd", "  ... et {count} autres en retard"),
)
PARTNERS = (Bilingual("partners", "partner", "partenaire"), Bilingual("partners", "partners", "partenaires"))
NOTE = Bilingual("Note: {note}", "Opmerking: {note}", "Remarque : {note}")


def format_status(s: dict, programme_name: str, lang: str = "en") -> str:
    """The readable terminal summary of one overall summary, in `lang` (nl, en or fr)."""
    text = _Text(lang)
    lines = [
        text(HEADER, programme=programme_name, name=s["target_set"], primary=text(PRIMARY) if s["is_primary"] else "",
             target=_target_words(s, text)),
        text(STATUS, status=text.status(s["status"]).upper(), reason=text(s["status_reason"])),
        "",
        text.row(BASELINE[0], s["baseline_year"], text(BASELINE[1], t=text.t(s["baseline_t"]), source=text(
            BASELINE_SOURCES.get(s["baseline_source"], s["baseline_source"])))),
        text.row(LATEST[0], s["latest_year"], text(LATEST[1], t=text.t(s["latest_t"]), change=text.pct(
            s["change_vs_baseline_pct"]), progress=text.plain_pct(s["progress_pct"]))),
        text.row(PATHWAY[0], s["latest_year"], text(PATHWAY[1], t=text.t(s["pathway_t"]), gap=_signed_t(_gap(s), text))),
        text.row(TARGET_LINE, s["target_year"], text(plural(s["years_left"], *YEARS_LEFT), t=text.t(s["target_t"]),
                                                     years=s["years_left"])),
        *_trend_lines(s, text),
        *_budget_lines(s, text),
        *_per_capita_lines(s, text),
        "",
        *_sector_lines(s, text),
        "",
        *_commitment_lines(s, text),
    ]
    if s.get("warnings"):
        lines += ["", *(text(NOTE, note=text(w)) for w in s["warnings"])]
    return "\n".join(lines)


class _Text:
    """The summary's words and numbers in one language."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, template: str, **values) -> str:
        """`template` in the language, its {fields} filled (a value stays as given: numbers, names)."""
        text = in_language(template, self.lang)
        return text.format(**values) if values else text

    def row(self, label: Bilingual, year, value: str) -> str:
        """'  Baseline 2019:      457,501 t …': the value starts in the same column on every line."""
        return "  " + f"{self(label, year=year)} ".ljust(LABEL_WIDTH) + value

    def number(self, value, spec: str) -> str:
        """`value` formatted by `spec` (Python's, e.g. '+,.0f') with the language's marks: English
        1,234.5; Dutch 1.234,5; French 1 234,5 (a narrow no-break space), as the pages write them.
        A Dutch or French reader takes '78,646 t' for seventy-eight tonnes."""
        return in_language(number_text(value, spec), self.lang)

    def t(self, value) -> str:
        if value is None:
            return self(NOT_AVAILABLE)
        return "0" if round(value) == 0 else self.number(value, ",.0f")  # never "-0"

    def pct(self, value) -> str:
        if value is None:
            return self(NOT_AVAILABLE)
        return self.number(0.0, ".1f") + " %" if round(value, 1) == 0 else self.number(value, "+.1f") + " %"  # never "-0.0 %"

    def plain_pct(self, value) -> str:
        return self(NOT_AVAILABLE) if value is None else self.number(value, ".1f") + " %"

    def status(self, code: str) -> str:
        return terms_by_code(TRACK_STATUSES)[code].label(self.lang).lower()


def _target_words(s: dict, text: _Text) -> str:
    kind = TARGET_KINDS.get(s["target_kind"])
    what = text(kind, value=text.number(s["target_value"], "g")) if kind else f"{text.t(s['target_t'])} t"
    method = s["pathway_method"]
    words = method.replace("_", " ")
    pathway = PATHWAYS.get(method, Bilingual(f"{words} pathway", f"doeltraject {words}", f"trajectoire {words}"))
    return text(TARGET, what=what, year=s["target_year"], pathway=text(pathway))


def _gap(s: dict) -> float | None:
    """The gap to the pathway, from the first year after the baseline year: in the baseline year
    itself the pathway starts at the measured value, and "0 t, on the pathway" would read as news
    (as change and progress, which the summary leaves out until then)."""
    latest = s.get("latest_year")
    return s["gap_t"] if latest is not None and latest > s["baseline_year"] else None


def _signed_t(value, text: _Text) -> str:
    if value is None:
        return text(NOT_AVAILABLE)
    if round(value) == 0:  # never "-0 t below": within a tonne is on the pathway
        return text(ON_THE_PATHWAY)
    return text(ABOVE if value > 0 else BELOW, t=text.number(value, "+,.0f"))


def _trend_lines(s: dict, text: _Text) -> list[str]:
    trend = s.get("trend") or {}
    linear = trend.get("linear")
    if linear is None:
        return [text.row(TREND[0], None, text(trend.get("reason") or NOT_ENOUGH_DATA))]
    constant = trend.get("constant_rate")
    rate = text(REACHED[2], rate=text.number(constant["annual_change"], "+.1f"),
                year=text(constant["year_target_reached_text"])) if constant else ""
    return [
        text.row(TREND[1], s["target_year"], text(
            TREND[2], t=text.t(s["projected_t_at_target_year"]), low=text.t(s["projected_low_t_at_target_year"]),
            high=text.t(s["projected_high_t_at_target_year"]), rate=text.number(linear["annual_change"], "+,.0f"),
            n=trend["n_values"])),
        text.row(REACHED[0], None, text(REACHED[1], year=text(s["year_target_reached_text"]), rate=rate)),
    ]


def _budget_lines(s: dict, text: _Text) -> list[str]:
    b = s.get("carbon_budget")
    if not b:
        return []
    used = (text(BUDGET[2], t=text.t(b["used_to_date_t"]), year=b.get("used_to_year") or s["latest_year"])
            if b["used_to_date_t"] is not None else text(BUDGET[3]))
    label = text(BUDGET[0], start=b["from_year"], end=b["to_year"])
    return [f"  {label} " + text(BUDGET[1], t=text.t(b["budget_t"]), used=used, year=text(b["year_runs_out_text"]))]


def _per_capita_lines(s: dict, text: _Text) -> list[str]:
    p = s.get("per_capita") or {}
    if p.get("per_capita_t") is None:
        return [text.row(PER_CAPITA[0], None, text(PER_CAPITA[1]))]
    base = (text(PER_CAPITA[3], year=s["baseline_year"], t=text.number(p["baseline_per_capita_t"], ".2f"),
                 change=text.pct(p["change_vs_baseline_pct"])) if p.get("baseline_per_capita_t") else "")
    return [f"  {text(PER_CAPITA[2], year=p['year'])} {text.number(p['per_capita_t'], '.2f')} t{base}"]


def _sector_lines(s: dict, text: _Text) -> list[str]:
    # Each sector's own latest year is printed with it: it may differ from the headline year.
    rows = s.get("sectors") or []
    names = [sector_label(r["sector"], text.lang) for r in rows]
    width = max([SECTOR_WIDTH, *(len(n) + 2 for n in names)])  # a long (French) name keeps the columns
    sector, baseline, latest, year, change, status = (text(h) for h in SECTOR_HEADINGS)
    lines = [f"  {sector:<{width}}{baseline:>12}{latest:>12}{year:>6}{change:>10}  {status}"]
    for name, row in zip(names, rows, strict=True):
        lines.append(
            f"  {name:<{width}}{text.t(row['baseline_t']):>12}{text.t(row['latest_t']):>12}"
            f"{row.get('latest_year') or text(NOT_AVAILABLE):>6}"
            f"{text.pct(row['change_vs_baseline_pct']):>10}  {text.status(row['status'])}"
        )
    return lines


def _commitment_lines(s: dict, text: _Text) -> list[str]:
    c, t = s["commitments"], text.t
    lines = [
        text(COMMITMENTS[0], count=c["count"], partners=c["partners"], partner_word=text(plural(c["partners"], *PARTNERS)),
             counted=t(c["committed_reduction_t"]), achieved=t(c["achieved_reduction_t"]),
             in_progress=t(c["in_progress_reduction_t"]), planned=t(c["planned_reduction_t"]),
             delayed=t(c["delayed_reduction_t"]), withdrawn=t(c["withdrawn_reduction_t"])),
        text(COMMITMENTS[1], needed=t(c["needed_reduction_t"]), pending=t(c["pending_reduction_t"]),
             uncovered=t(c["uncovered_reduction_t"])),
    ]
    if c.get("with_commitments_t_at_target_year") is not None:
        lines.append(text(COMMITMENTS[2], t=t(c["with_commitments_t_at_target_year"]), year=s["target_year"]))
    statuses = terms_by_code(COMMITMENT_STATUSES)
    for item in c.get("overdue", [])[:10]:
        code = item["status"]
        status = (code.replace("_", " ") if text.lang == "en" or code not in statuses
                  else statuses[code].label(text.lang).lower())
        lines.append(text(COMMITMENTS[3], partner=item["partner"], title=item["title"], year=item["target_year"],
                          status=status))
    if c.get("overdue_count", 0) > 10:
        lines.append(text(COMMITMENTS[4], count=c["overdue_count"] - 10))
    return lines
