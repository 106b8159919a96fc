"""Labels of the comparison page (/compare): key -> (Dutch, English)."""

COMPARE_LABELS: dict[str, tuple[str, str]] = {
    "nav_compare": ("Vergelijken", "Compare"),
    "compare_heading": ("Programma's vergelijken", "Compare programmes"),
    "compare_intro": (
        "Kies 2 tot 6 programma's: hun uitstoot per inwoner, hun verloop tegenover hun eigen basisjaar, "
        "hun voortgang naar hun eigen doel en hun sectormix naast elkaar. Een onvolledig jaar is een open "
        "punt; zonder inwonersaantal is er geen waarde per inwoner (nooit nul).",
        "Choose 2 to 6 programmes: their emissions per inhabitant, their course against their own "
        "baseline, their progress toward their own target and their sector mix side by side. An "
        "incomplete year is an open marker; without a population there is no per-inhabitant value (never zero).",
    ),
    "compare_picker_legend": ("Gekozen programma's", "Chosen programmes"),
    "compare_search_label": ("Zoek een programma (naam of gemeente)", "Find a programme (name or area)"),
    "compare_add": ("Toevoegen", "Add"),
    "compare_remove": ("Verwijder {name}", "Remove {name}"),
    "compare_none_chosen": ("Nog geen programma gekozen.", "No programme chosen yet."),
    "compare_choose_more": (
        "Kies minstens 2 programma's (hoogstens 6) om ze te vergelijken.",
        "Choose at least 2 programmes (at most 6) to compare them.",
    ),
    "compare_too_many": ("Hoogstens 6 programma's: verwijder er eerst één.", "At most 6 programmes: remove one first."),
    "compare_not_found": ("Geen programma gevonden voor ‘{text}’.", "No programme found for ‘{text}’."),
    "compare_ambiguous": ("Meerdere programma's passen bij ‘{text}’: {names}. Typ meer.",
                          "Several programmes match ‘{text}’: {names}. Type more."),
    "compare_already": ("{name} is al gekozen.", "{name} is chosen already."),
    "compare_added": ("{name} toegevoegd.", "{name} added."),
    "compare_removed": ("{name} verwijderd.", "{name} removed."),
    "compare_permalink": ("Vaste link naar deze vergelijking", "Permanent link to this comparison"),
    # Per inhabitant
    "cmp_pc_title": ("Uitstoot per inwoner", "Emissions per inhabitant"),
    "cmp_pc_axis": ("t CO₂e per inwoner", "t CO₂e per inhabitant"),
    "cmp_pc_summary": (
        "In {year} stootte {high} per inwoner het meest uit ({high_value} t), {low} het minst ({low_value} t).",
        "In {year}, {high} emitted the most per inhabitant ({high_value} t), {low} the least ({low_value} t).",
    ),
    "cmp_pc_no_population": (
        "Uitstoot per inwoner vraagt het inwonersaantal; het ontbreekt voor: {names}.",
        "Emissions per inhabitant need the population; it is missing for: {names}.",
    ),
    "cmp_incomplete": ("onvolledig jaar", "incomplete year"),
    "col_programme": ("Programma", "Programme"),
    "col_per_capita": ("t CO₂e per inwoner", "t CO₂e per inhabitant"),
    "col_population_known": ("Inwonersaantal gekend", "Population known"),
    # Index
    "cmp_index_title": ("Verloop tegenover het eigen basisjaar (= 100)", "Course against each one's baseline (= 100)"),
    "cmp_index_axis": ("Index (basisjaar = 100)", "Index (baseline = 100)"),
    "cmp_index_summary": (
        "Tegenover hun basisjaar daalde {best} het sterkst (index {best_value} in {best_year}); {worst} staat op {worst_value} ({worst_year}).",
        "Against their baselines, {best} fell the most (index {best_value} in {best_year}); {worst} stands at {worst_value} ({worst_year}).",
    ),
    "cmp_index_one_year": (
        "Nog geen enkel programma heeft een jaar met gegevens na zijn basisjaar: er is nog geen verloop te tonen.",
        "No programme has a year with data after its baseline yet: there is no course to show so far.",
    ),
    "col_index": ("Index", "Index"),
    "col_base_year": ("Basisjaar van de index", "Index base year"),
    # Progress and status
    "cmp_progress_title": ("Voortgang naar het eigen doel", "Progress toward each one's own target"),
    "cmp_progress_axis": ("% naar het doel (100 = bereikt)", "% to the target (100 = reached)"),
    "cmp_progress_summary": (
        "{best} is het verst op weg naar zijn eigen doel ({best_value}).",
        "{best} is furthest on the way to its own target ({best_value}).",
    ),
    "cmp_progress_none": (
        "Geen van deze programma's heeft al een doel met een gemeten voortgang.",
        "None of these programmes has a target with measured progress yet.",
    ),
    "cmp_progress_missing": (" Zonder doel of voortgang: {names}.", " No target or progress: {names}."),
    "cmp_no_target": ("geen doel", "no target"),
    "col_progress": ("Voortgang (%)", "Progress (%)"),
    # Sector mix
    "cmp_mix_title": ("Sectormix in het laatste jaar", "Sector mix in the latest year"),
    "cmp_mix_axis": ("% van de gekende sectoren", "% of the known sectors"),
    "cmp_mix_summary": ("De grootste sector: {items}.", "The largest sector: {items}."),
    "cmp_mix_none": ("Geen sectorgegevens voor deze programma's.", "No sector values for these programmes."),
    "col_missing_sectors": ("Ontbrekende sectoren", "Missing sectors"),
    # Ranking
    "cmp_rank_title": ("Alle programma's gerangschikt", "All programmes ranked"),
    "cmp_rank_summary_one": (
        "1 programma. Een streepje: niet beschikbaar (geen inwonersaantal, geen tweede jaar of geen doel).",
        "1 programme. A dash: not available (no population, no second year or no target).",
    ),
    "cmp_rank_summary_other": (
        "{count} programma's; sorteer ze met de knoppen hieronder. Een streepje: niet beschikbaar (geen inwonersaantal, geen tweede jaar of geen doel).",
        "{count} programmes; sort them with the buttons below. A dash: not available (no population, no second year or no target).",
    ),
    "cmp_sort_legend": ("Sorteer op", "Sort by"),
    "cmp_sort_per_capita_t": ("uitstoot per inwoner (laagste eerst)", "emissions per inhabitant (lowest first)"),
    "cmp_sort_change_pct": ("verandering sinds het basisjaar (sterkste daling eerst)", "change since baseline (largest fall first)"),
    "cmp_sort_progress_pct": ("voortgang naar het doel (verste eerst)", "progress toward the target (furthest first)"),
    "cmp_sort_programme": ("naam", "name"),
    "col_change": ("Verandering sinds basisjaar (%)", "Change since baseline (%)"),
    # The admins' programmes page (/admin/programmes)
    "ws_nav_programmes": ("Programma's", "Programmes"),
    "apg_title": ("Programma's", "Programmes"),
    "apg_heading": ("Programma's van deze omgeving", "Programmes of this deployment"),
    "apg_intro": (
        "Elk programma volgt één gebied. Voeg er één toe, of laad een bestand met veel gebieden (zoals de "
        "gemeente-export van de Klimaatmonitor) in één programma per gebied.",
        "Each programme follows one area. Add one, or load a file covering many areas (such as "
        "Klimaatmonitor's municipal export) into one programme per area.",
    ),
    "apg_list_heading": ("Programma's", "Programmes"),
    "apg_add_heading": ("Een programma toevoegen", "Add a programme"),
    "apg_field_area": ("Gebied", "Area"),
    "apg_hint_area": ("de naam van de gemeente of stad, bv. Leiden", "the name of the municipality or city, e.g. Leiden"),
    "apg_field_slug": ("Korte naam (optioneel)", "Short name (optional)"),
    "apg_hint_slug": ("standaard uit de gebiedsnaam, bv. den-haag", "by default from the area name, e.g. den-haag"),
    "apg_field_baseline": ("Basisjaar", "Baseline year"),
    "apg_field_target_year": ("Doeljaar", "Target year"),
    "apg_field_residual": ("Restuitstoot in het doeljaar, % van het basisjaar (optioneel)",
                           "Emissions left in the target year, % of the baseline (optional)"),
    "apg_hint_residual": ("leeg: nog geen doel; 0: klimaatneutraal", "empty: no target yet; 0: climate-neutral"),
    "apg_add": ("Programma toevoegen", "Add the programme"),
    "apg_added": ("Programma {name} toegevoegd ({slug}).", "Programme {name} added ({slug})."),
    "apg_area_needed": ("Geef de naam van het gebied.", "Give the name of the area."),
    "apg_year_needed": ("{field}: een jaar van 1900 tot 2100.", "{field}: a year from 1900 to 2100."),
    "apg_residual_range": ("Restuitstoot: een percentage van 0 tot 100.", "Emissions left: a percentage from 0 to 100."),
    "apg_regional_heading": ("Een regionaal bestand laden (alle gebieden)", "Load a regional file (all areas)"),
    "apg_regional_intro": (
        "Elk gebied in het bestand gaat naar zijn eigen programma; ontbrekende programma's worden aangemaakt "
        "(basisjaar: het eerste jaar van het bestand, nog geen doel). Eén import per programma, elk apart "
        "ongedaan te maken; een fout waar dan ook laadt niets.",
        "Each area of the file goes to its own programme; missing programmes are created (baseline: the "
        "file's first year, no target yet). One import per programme, each undone on its own; a problem "
        "anywhere loads nothing.",
    ),
    "apg_choose_file": ("Kies een bestand of sleep het hierheen", "Choose a file or drop it here"),
    "apg_regional_load": ("Laden voor alle gebieden", "Load for all areas"),
    "apg_regional_failed": ("{n} probleem/problemen; niets geladen:", "{n} problem(s); nothing was loaded:"),
    "apg_col_slug": ("Korte naam", "Short name"),
    "apg_col_areas": ("Namen en codes van het gebied", "Area names and codes"),
    "apg_col_target_set": ("Doel", "Target set"),
    "apg_col_years": ("Laatste jaren met gegevens", "Latest years with data"),
}
