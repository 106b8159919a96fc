"""Every label of the public dashboard: key -> (Dutch, English). {placeholders} are filled in."""

from dashboard.locales.admin_labels import ADMIN_LABELS
from dashboard.locales.compare_labels import COMPARE_LABELS
from dashboard.locales.coord_labels import COORD_LABELS, WORKSPACE_FRAME_LABELS
from dashboard.locales.ui_labels import UI_LABELS

LABELS: dict[str, tuple[str, str]] = {
    # Shell and navigation
    "site_name": ("Klimaatroadmap: voortgang", "Climate roadmap: progress"),
    "language_name": ("Nederlands", "English"),
    "switch_language": ("Toon deze pagina in het Engels", "Show this page in Dutch"),
    "skip_to_content": ("Naar de inhoud", "Skip to content"),
    "nav_label": ("Hoofdmenu", "Main menu"),
    "current_page": ("huidige pagina", "current page"),
    "nav_overview": ("Overzicht", "Overview"),
    "nav_sectors": ("Sectoren", "Sectors"),
    "nav_partners": ("Partners en engagementen", "Partners and commitments"),
    "nav_indicators": ("Indicatoren", "Indicators"),
    "nav_methodology": ("Methode en data", "Methodology and data"),
    "footer_text": (
        "Cijfers uit de databank van het programma; elke grafiek heeft een tabel en een CSV-download.",
        "Figures from the programme's database; every chart has a table and a CSV download.",
    ),
    "no_data_yet": ("Nog geen gegevens.", "No data yet."),
    "no_programme": (
        "Nog geen gegevens: deze databank bevat nog geen programma. Zodra een analist de eerste "
        "cijfers laadt, verschijnen ze hier.",
        "No data yet: this database holds no programme so far. As soon as an analyst loads the "
        "first figures, they appear here.",
    ),
    # Charts in general
    "show_table": ("Toon als tabel", "Show as a table"),
    "download_csv": ("Download de gegevens (CSV)", "Download the data (CSV)"),
    "table_of": ("Tabel: {title}", "Table: {title}"),
    "axis_kt": ("kt CO₂e per jaar", "kt CO₂e per year"),
    "axis_share": ("% van de totale uitstoot", "% of total emissions"),
    "col_year": ("Jaar", "Year"),
    "col_actual_kt": ("Gemeten (kt CO₂e)", "Measured (kt CO₂e)"),
    "col_pathway_kt": ("Doeltraject (kt CO₂e)", "Target pathway (kt CO₂e)"),
    "col_milestone_kt": ("Tussendoel (kt CO₂e)", "Milestone (kt CO₂e)"),
    "col_projected_kt": ("Trend (kt CO₂e)", "Trend (kt CO₂e)"),
    "col_target_kt": ("Doel (kt CO₂e)", "Target (kt CO₂e)"),
    "col_complete": ("Volledig", "Complete"),
    "col_incomplete_kt": ("Onvolledig jaar: som van wat er is (kt CO₂e)",
                          "Incomplete year: sum of what there is (kt CO₂e)"),
    "col_note": ("Opmerking", "Note"),
    "col_latest_year": ("Laatste jaar", "Latest year"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "note_incomplete": (
        "Onvolledig: alleen {sectors}, geen gerapporteerd totaal; niet als meting getekend",
        "Incomplete: only {sectors}, no reported total; not drawn as a measurement",
    ),
    "note_reported": (
        "Gerapporteerd totaal (de sectoren zijn onvolledig)",
        "Reported total (the sectors are incomplete)",
    ),
    "trajectory_incomplete": (
        "Onvolledige jaren ({years}) zijn hol getekend en niet met de lijn verbonden: een sector ontbreekt.",
        "Incomplete years ({years}) are drawn hollow and not joined to the line: a sector is missing.",
    ),
    "sectors_incomplete": (
        "Niet in de grafiek, want niet elke sector heeft cijfers: {years}.",
        "Left out of the chart because not every sector has figures: {years}.",
    ),
    "sectors_own_year": (
        "Elke sector staat met zijn eigen laatste jaar; dat kan verschillen van het jaar van het totaal ({year}).",
        "Each sector is shown with its own latest year, which may differ from the total's year ({year}).",
    ),
    "explorer_population_not_per_capita": (
        "Het aantal inwoners wordt niet door zichzelf gedeeld: kies 'absoluut' om het te zien.",
        "Population is not divided by itself: choose 'absolute' to see it.",
    ),
    "col_projected_low_kt": ("Trend, ondergrens (kt CO₂e)", "Trend, lower bound (kt CO₂e)"),
    "col_projected_high_kt": ("Trend, bovengrens (kt CO₂e)", "Trend, upper bound (kt CO₂e)"),
    "col_with_commitments_kt": (
        "Als alle engagementen slagen (kt CO₂e)", "If every commitment delivers (kt CO₂e)",
    ),
    "col_step": ("Stap", "Step"),
    "col_from_kt": ("Van (kt CO₂e)", "From (kt CO₂e)"),
    "col_to_kt": ("Tot (kt CO₂e)", "To (kt CO₂e)"),
    "col_change_kt": ("Hoeveelheid (kt CO₂e)", "Amount (kt CO₂e)"),
    # Overview
    "overview_heading": ("Zijn we op koers?", "Are we on track?"),
    "overview_intro": (
        "Hoe de uitstoot van broeikasgassen evolueert tegenover het doel van {name}.",
        "How greenhouse-gas emissions develop against the target of {name}.",
    ),
    "target_set": ("Doelstelling", "Target"),
    "target_option": ("{name} ({year})", "{name} ({year})"),
    "headline_heading": ("In één oogopslag", "At a glance"),
    "fact_latest": ("Uitstoot in {year}", "Emissions in {year}"),
    "fact_change": ("Verandering sinds {year}", "Change since {year}"),
    "fact_progress": ("Afgelegde weg naar het doel", "Progress towards the target"),
    "fact_status": ("Op koers?", "On track?"),
    "fact_years_left": ("Jaren tot {year}", "Years left until {year}"),
    "headline_no_data": ("Er zijn nog geen uitstootcijfers.", "There are no emission figures yet."),
    "headline_latest": (
        "In {year} stootte {area} {value} uit.", "In {year}, {area} emitted {value}.",
    ),
    "headline_change_down": (
        "Dat is {pct} minder dan in {year} ({value}).", "That is {pct} less than in {year} ({value}).",
    ),
    "headline_change_up": (
        "Dat is {pct} meer dan in {year} ({value}).", "That is {pct} more than in {year} ({value}).",
    ),
    "headline_progress": (
        "We hebben {pct} van de weg naar het doel voor {year} ({target}) afgelegd.",
        "We have come {pct} of the way to the {year} target ({target}).",
    ),
    "trend_not_enough": (
        "Status: {status}; voor een trend zijn nog te weinig jaren gemeten.",
        "Status: {status}; too few years have been measured for a trend yet.",
    ),
    "trend_reached": (
        "Status: {status}; aan het huidige tempo wordt het doel in {year} gehaald.",
        "Status: {status}; at the current pace the target is reached in {year}.",
    ),
    "trend_reached_late": (
        "Status: {status}; aan het huidige tempo wordt het doel pas in {year} gehaald, {late} jaar te laat.",
        "Status: {status}; at the current pace the target is only reached in {year}, {late} years late.",
    ),
    "trend_not_reached": (
        "Status: {status}; aan het huidige tempo wordt het doel niet gehaald vóór {year}.",
        "Status: {status}; at the current pace the target is not reached before {year}.",
    ),
    "trajectory_title": ("Uitstoot, doeltraject en trend", "Emissions, target pathway and trend"),
    "trajectory_summary": (
        "In {year} was de gemeten uitstoot {value} kt CO₂e.",
        "In {year}, measured emissions were {value} kt CO₂e.",
    ),
    "trajectory_summary_pathway": (
        "Het doeltraject vroeg dat jaar {value} kt.", "The target pathway asked for {value} kt that year.",
    ),
    "trajectory_summary_trend": (
        "De huidige trend komt in {year} uit op {value} kt.",
        "The current trend reaches {value} kt in {year}.",
    ),
    "gap_title": (
        "Wat de engagementen van partners opleveren, en wat nog ontbreekt",
        "What partners' commitments deliver, and what is still missing",
    ),
    "gap_not_available": (
        "De kloof tussen engagementen en doel is nog niet berekend.",
        "The gap between commitments and target has not been computed yet.",
    ),
    "gap_step_without": ("Zonder wat partners al deden", "Without what partners achieved"),
    "gap_step_achieved": ("Al gerealiseerd", "Already achieved"),
    "gap_step_latest": ("Uitstoot {year}", "Emissions {year}"),
    "gap_step_in_progress": ("Nog uit lopend werk", "Still to come from work in progress"),
    "gap_step_planned": ("Gepland", "Planned"),
    "gap_step_missing": ("Nog te vinden", "Still missing"),
    "gap_step_target": ("Doel {target_year}", "Target {target_year}"),
    "gap_summary_missing": (
        "Partners realiseerden al {achieved} kt CO₂e minder per jaar en beloven nog {promised} kt; "
        "om het doel te halen ontbreekt nog {missing} kt.",
        "Partners have already cut {achieved} kt CO₂e per year and promise {promised} kt more; "
        "{missing} kt is still missing to reach the target.",
    ),
    "gap_summary_covered": (
        "Partners realiseerden al {achieved} kt CO₂e minder per jaar en beloven nog {promised} kt: "
        "genoeg om het doel te halen als alles slaagt.",
        "Partners have already cut {achieved} kt CO₂e per year and promise {promised} kt more: "
        "enough to reach the target if everything delivers.",
    ),
    "breakdown_legend": ("Uitstoot per sector tonen als", "Show emissions by sector as"),
    "breakdown_absolute": ("kt CO₂e", "kt CO₂e"),
    "breakdown_share": ("aandeel in %", "share in %"),
    "sectors_title": ("Uitstoot per sector", "Emissions by sector"),
    "sectors_summary": (
        "In {year} was {sector} de grootste van {count} sectoren, met {value}.",
        "In {year}, {sector} was the largest of {count} sectors, with {value}.",
    ),
    # Sector pages
    "sectors_heading": ("Uitstoot per sector", "Emissions by sector"),
    "sectors_intro": (
        "Kies een sector: zijn uitstoot tegenover het doel, en wat er in die sector verandert.",
        "Choose a sector: its emissions against the target, and what changes in that sector.",
    ),
    "sector_legend": ("Sector", "Sector"),
    "sector_trajectory_title": ("Uitstoot van {sector}", "Emissions of {sector}"),
    "sector_sentence": (
        "De uitstoot ging van {first} kt CO₂e in {first_year} naar {last} kt in {last_year}.",
        "Emissions went from {first} kt CO₂e in {first_year} to {last} kt in {last_year}.",
    ),
    "sector_status": ("Status: {status}.", "Status: {status}."),
    "activity_heading": ("Wat er verandert in deze sector", "What changes in this sector"),
    "no_activity": (
        "Voor deze sector zijn nog geen activiteitsindicatoren geladen.",
        "No activity indicators have been loaded for this sector yet.",
    ),
    "indicator_last_value": (
        "{name}: {value} in {period}, de laatst gemeten waarde.",
        "{name}: {value} in {period}, the latest value measured.",
    ),
    "col_period": ("Periode", "Period"),
    # Partners and commitments
    "partners_heading": ("Partners en hun engagementen", "Partners and their commitments"),
    "partners_intro": (
        "Wie doet wat? Zoek een partner of engagement, of filter op soort, sector en status.",
        "Who does what? Search for a partner or commitment, or filter by type, sector and status.",
    ),
    "search_label": ("Zoek op naam of omschrijving", "Search by name or description"),
    "filter_type": ("Soort partner (niets gekozen: alle)", "Type of partner (none chosen: all)"),
    "filter_sector": ("Sector (niets gekozen: alle)", "Sector (none chosen: all)"),
    "filter_status": ("Status (niets gekozen: alle)", "Status (none chosen: all)"),
    "sort_legend": ("Sorteer op", "Sort by"),
    "sort_partner": ("partner", "partner"),
    "sort_reduction": ("grootste reductie", "largest reduction"),
    "sort_target_year": ("doeljaar", "target year"),
    "sort_status": ("status", "status"),
    "result_count": (
        "{commitments} engagementen van {partners} partners.",
        "{commitments} commitments by {partners} partners.",
    ),
    "no_commitments_match": (
        "Geen engagementen gevonden voor deze keuze. Maak de zoekterm korter of kies minder filters.",
        "No commitments match this choice. Shorten the search or choose fewer filters.",
    ),
    "no_commitments_yet": (
        "Nog geen gegevens: er zijn nog geen engagementen van partners geladen.",
        "No data yet: no partners' commitments have been loaded so far.",
    ),
    "status_chart_title": ("Engagementen per status", "Commitments by status"),
    "status_summary": ("Engagementen per status: {parts}.", "Commitments by status: {parts}."),
    "axis_commitments": ("aantal engagementen", "number of commitments"),
    "commitments_table_title": ("Alle gevonden engagementen", "All commitments found"),
    "commitments_table_summary": ("{count} engagementen.", "{count} commitments."),
    "stories_heading": ("Wie doet wat", "Who does what"),
    "col_partner": ("Partner", "Partner"),
    "col_commitment": ("Engagement", "Commitment"),
    "col_sector": ("Sector", "Sector"),
    "col_status": ("Status", "Status"),
    "col_count": ("Aantal", "Number"),
    "col_reduction_kt": ("Reductie (kt CO₂e/jaar)", "Reduction (kt CO₂e/year)"),
    "col_reduction_t": ("Reductie (t CO₂e/jaar)", "Reduction (t CO₂e/year)"),
    "col_target_year": ("Doeljaar", "Target year"),
    "col_progress": ("Voortgang", "Progress"),
    "joined_on": ("partner sinds {date}", "partner since {date}"),
    "partner_website": ("Website van {name}", "Website of {name}"),
    "commitment_link": ("Meer over “{title}”", "More about “{title}”"),
    "reduction_per_year": ("{value} t CO₂e minder per jaar", "{value} t CO₂e less per year"),
    "by_year": ("tegen {year}", "by {year}"),
    "progress_done": ("{pct} klaar", "{pct} done"),
    # Indicator explorer
    "indicators_heading": ("Indicatoren vergelijken", "Compare indicators"),
    "indicators_intro": (
        "Kies tot zes indicatoren. Toon ze absoluut, per inwoner, of als index (eerste jaar = 100) "
        "om reeksen in verschillende eenheden te vergelijken.",
        "Pick up to six indicators. Show them as measured, per inhabitant, or as an index (first "
        "year = 100) to compare series in different units.",
    ),
    "indicators_legend": ("Indicatoren (tot {max})", "Indicators (up to {max})"),
    "mode_legend": ("Toon als", "Show as"),
    "mode_absolute": ("gemeten waarde", "measured value"),
    "mode_per_capita": ("per inwoner", "per inhabitant"),
    "mode_index": ("index (eerste jaar = 100)", "index (first year = 100)"),
    "axis_absolute": ("gemeten waarde", "measured value"),
    "axis_per_capita": ("per inwoner", "per inhabitant"),
    "axis_index": ("index (eerste jaar = 100)", "index (first year = 100)"),
    "index_unit": ("index", "index"),
    "per_inhabitant": ("per inwoner", "per inhabitant"),
    "total_emissions": ("Totale uitstoot", "Total emissions"),
    "explorer_title": ("Gekozen indicatoren door de tijd", "The chosen indicators over time"),
    "explorer_part": ("{name}: {value} in {period}", "{name}: {value} in {period}"),
    "pick_an_indicator": ("Kies minstens één indicator.", "Pick at least one indicator."),
    # Methodology and data
    "methodology_heading": ("Methode en data", "Methodology and data"),
    "methodology_intro": (
        "Hoe de cijfers van {name} tot stand komen, wat ze omvatten en wanneer ze bijgewerkt zijn.",
        "How the figures of {name} are made, what they include and when they were updated.",
    ),
    "sources_heading": ("Bronnen", "Sources"),
    "sources_text": (
        "Analisten laden de cijfers uit officiële inventarissen en open data (bijvoorbeeld de "
        "gemeentelijke inventarissen van het Burgemeestersconvenant) en uit rapportering van "
        "partners. Elke waarde onthoudt uit welk bestand ze komt.",
        "Analysts load the figures from official inventories and open data (for example the "
        "Covenant of Mayors municipal inventories) and from partners' reporting. Every value "
        "remembers the file it came from.",
    ),
    "last_update": ("Laatst bijgewerkt op {date}.", "Last updated on {date}."),
    "no_imports_yet": ("Er zijn nog geen gegevens geladen.", "No data has been loaded yet."),
    "coverage_heading": ("Wat de totalen omvatten", "What the totals include"),
    "scope_note": ("Afbakening: {note}.", "Scope: {note}."),
    "total_includes": (
        "Het totaal van {year} is de som van deze sectoren: {sectors}.",
        "The {year} total is the sum of these sectors: {sectors}.",
    ),
    "not_recorded": ("niet vastgelegd", "not recorded"),
    "headline_reported": (
        "Dat cijfer is het gerapporteerde totaal: de sectoren zijn in {year} onvolledig.",
        "That figure is the reported total: the sectors are incomplete in {year}.",
    ),
    "headline_like_for_like": (
        "Die vergelijking gebeurt op dezelfde basis (dezelfde sectoren of de gerapporteerde totalen): "
        "{value} tegenover {base} in {year}.",
        "That comparison is like with like (the same sectors, or the reported totals): {value} "
        "against {base} in {year}.",
    ),
    "total_is_reported": (
        "Het totaal van {year} is het gerapporteerde totaal: de sectoren zijn dat jaar onvolledig.",
        "The {year} total is the reported total: the sectors are incomplete that year.",
    ),
    "totals_title": ("Totaal per jaar", "Total per year"),
    "totals_summary": (
        "Per jaar het totaal, of het volledig is, en het gerapporteerde totaal ernaast. Een volledig "
        "jaar telt alle sectoren op; zijn de sectoren onvolledig, dan geldt het gerapporteerde totaal; "
        "zonder gerapporteerd totaal is het jaar onvolledig en telt het niet mee.",
        "Each year's total, whether it is complete, and the reported total beside it. A complete year "
        "adds up every sector; where the sectors are incomplete the reported total stands; without a "
        "reported total the year is incomplete and does not count.",
    ),
    "col_total_kt": ("Totaal (kt CO₂e)", "Total (kt CO₂e)"),
    "col_reported_kt": ("Gerapporteerd totaal (kt CO₂e)", "Reported total (kt CO₂e)"),
    "col_source": ("Bron van het totaal", "Source of the total"),
    "source_sectors": ("som van de sectoren", "sum of the sectors"),
    "source_reported": ("gerapporteerd totaal", "reported total"),
    "source_partial": ("som van een deel van de sectoren", "sum of part of the sectors"),
    "reported_years": (
        "In deze jaren ontbreken sectoren; het gerapporteerde totaal geldt als totaal: {years}.",
        "In these years sectors are missing; the reported total stands as the total: {years}.",
    ),
    "incomplete_years": (
        "In deze jaren ontbreken cijfers van een of meer sectoren en is er geen gerapporteerd totaal, "
        "dus is de som te laag; ze tellen niet mee in de trend en staan niet als meting in de grafieken: {years}.",
        "In these years one or more sectors have no figures and there is no reported total, so the "
        "sum is too low; they are left out of the trend and not drawn as measurements: {years}.",
    ),
    "sinks_text": (
        "Opname van CO₂ (bijvoorbeeld door bossen) telt negatief mee. Een sector zonder cijfer "
        "telt nooit als nul.",
        "Uptake of CO₂ (for example by forests) counts as negative. A sector without a figure "
        "never counts as zero.",
    ),
    "method_heading": ("Hoe de voortgang berekend wordt", "How progress is computed"),
    "method_progress_title": ("Afgelegde weg", "Progress"),
    "method_progress": (
        "Voortgang = (uitstoot in het basisjaar − laatste uitstoot) ÷ (uitstoot in het basisjaar − "
        "doel) × 100. 0 % betekent: nog niets gewonnen; 100 %: doel gehaald.",
        "Progress = (baseline emissions − latest emissions) ÷ (baseline emissions − target) × 100. "
        "0% means nothing gained yet; 100% means the target is met.",
    ),
    "method_pathway_title": ("Doeltraject", "Target pathway"),
    "method_pathway": (
        "Het doeltraject loopt van de uitstoot in het basisjaar naar het doel: in een rechte lijn, "
        "via tussendoelen, of met een vast percentage minder per jaar, zoals de doelstelling het zegt.",
        "The target pathway runs from the baseline emissions to the target: in a straight line, "
        "through milestones, or with a constant percentage less each year, as the target set says.",
    ),
    "method_trend_title": ("Trend", "Trend"),
    "method_status_title": ("Op koers?", "On track?"),
    "method_status": (
        "Op koers: de laatste uitstoot ligt op of onder het doeltraject én de trend haalt het doel "
        "in het doeljaar. Niet op koers: de uitstoot ligt boven het doeltraject én zelfs de "
        "gunstige kant van de onzekerheidsband (90 %) van de trend mist het doel. Risico: elk "
        "ander geval. Onbekend: minder dan vijf gemeten jaren, of geen doel.",
        "On track: the latest emissions are at or below the pathway and the trend meets the target "
        "in the target year. Off track: emissions are above the pathway and even the favourable "
        "end of the trend's 90% uncertainty band misses the target. At risk: every other case. "
        "Unknown: fewer than five measured years, or no target.",
    ),
    "method_trend": (
        "De trend is een rechte lijn door de laatste (tot tien) gemeten jaren, doorgetrokken tot "
        "het doeljaar, met een onzekerheidsband van 90 %. Met minder dan vijf gemeten jaren tonen "
        "we geen trend.",
        "The trend is a straight line through the latest (up to ten) measured years, extended to "
        "the target year, with a 90% uncertainty band. With fewer than five measured years there "
        "is no trend.",
    ),
    "method_gap_title": ("Kloof met de engagementen", "Commitments gap"),
    "method_gap": (
        "De engagementen van partners (in t CO₂e minder per jaar) worden opgeteld per status. Wat "
        "partners al realiseerden (ook het afgewerkte deel van lopend werk) zit al in de laatste "
        "uitstoot; wat lopend werk en geplande engagementen nog beloven, gaat daar af; wat dan "
        "nog boven het doel ligt, ontbreekt nog. Vertraagde en ingetrokken engagementen tellen "
        "niet mee.",
        "Partners' commitments (in t CO₂e less per year) are added up by status. What partners "
        "already achieved (including the done share of work in progress) is in the latest "
        "emissions; what work in progress and planned commitments still promise is subtracted "
        "from them; what then remains above the target is still missing. Delayed and withdrawn "
        "commitments do not count.",
    ),
    "method_per_capita_title": ("Per inwoner", "Per inhabitant"),
    "method_per_capita": (
        "Cijfers per inwoner zijn het totaal gedeeld door het aantal inwoners van hetzelfde jaar.",
        "Per-inhabitant figures are the total divided by the population of the same year.",
    ),
    "target_sets_heading": ("Doelstellingen", "Target sets"),
    "target_set_line": (
        "{name}: van basisjaar {baseline} naar {target}, {method}.",
        "{name}: from baseline year {baseline} to {target}, {method}.",
    ),
    "pathway_linear": ("in een rechte lijn", "in a straight line"),
    "pathway_milestones": ("via tussendoelen", "through milestones"),
    "pathway_constant_rate": ("met een vast percentage per jaar", "at a constant rate per year"),
    "history_title": ("Geschiedenis van de gegevens", "History of the data"),
    "history_summary": (
        "De laatste {count} imports: wanneer, wat en hoeveel rijen.",
        "The latest {count} imports: when, what and how many rows.",
    ),
    "col_date": ("Datum", "Date"),
    "col_kind": ("Soort", "Kind"),
    "col_file": ("Bestand", "File"),
    "col_rows": ("Rijen in bestand", "Rows in file"),
    "col_added": ("Toegevoegd", "Added"),
    "col_superseded": ("Vervangen", "Superseded"),
    "col_import_status": ("Status", "Status"),
    "import_kind_indicators": ("indicatoren", "indicators"),
    "import_kind_partners": ("partners", "partners"),
    "import_kind_commitments": ("engagementen", "commitments"),
    "import_status_completed": ("geladen", "loaded"),
    "import_status_undone": ("ongedaan gemaakt", "undone"),
    # Workspace: upload page (analysts)
    "up_title": ("Bestand laden", "Upload a file"),
    "up_heading": ("Een bestand laden", "Upload a file"),
    "up_intro": (
        "Kies wat voor bestand je laadt en sleep het hierheen (CSV of Excel, tot {limit_mb} MB). Je ziet "
        "eerst wat we lazen, elk probleem en wat er in de databank zou veranderen; pas na je bevestiging "
        "wordt iets opgeslagen.",
        "Choose what kind of file you load and drop it here (CSV or Excel, up to {limit_mb} MB). You first "
        "see what was read, every problem and what would change in the database; nothing is stored until "
        "you confirm.",
    ),
    "up_options_heading": ("1. Soort bestand en opties", "1. Kind of file and options"),
    "up_kind_legend": ("Wat staat er in het bestand?", "What does the file hold?"),
    "up_decimal_legend": ("Decimaalteken", "Decimal mark"),
    "up_decimal_auto": ("Automatisch herkennen", "Detect it"),
    "up_decimal_comma": ("Komma (1.234,5)", "Comma (1.234,5)"),
    "up_decimal_point": ("Punt (1,234.5)", "Point (1,234.5)"),
    "up_new_indicators_legend": (
        "Nieuwe indicatoren uit het bestand aanmaken (met naam, eenheid en soort)?",
        "Create the new indicators the file defines (with name, unit and kind)?",
    ),
    "up_no": ("Nee", "No"),
    "up_yes": ("Ja", "Yes"),
    "up_templates_heading": ("Voorbeeldbestanden (sjablonen)", "Example files (templates)"),
    "up_templates_intro": (
        "Begin van een sjabloon: de kolommen zoals de lader ze verwacht.",
        "Start from a template: the columns as the loader expects them.",
    ),
    "up_template_indicators_long": ("Indicatoren, lang formaat (CSV)", "Indicators, long layout (CSV)"),
    "up_template_indicators_wide": ("Indicatoren, één kolom per jaar (CSV)", "Indicators, one column per year (CSV)"),
    "up_template_partners": ("Partners (CSV)", "Partners (CSV)"),
    "up_template_commitments": ("Engagementen (CSV)", "Commitments (CSV)"),
    "up_file_heading": ("2. Het bestand", "2. The file"),
    "up_drop_here": ("Sleep je bestand hierheen, of", "Drop your file here, or"),
    "up_choose_file": ("Kies een bestand", "Choose a file"),
    "up_import_heading": ("3. Laden", "3. Import"),
    "up_import_intro": (
        "Laden kan zodra het bestand geen problemen heeft; alles gebeurt in één keer, of niet.",
        "Importing is possible once the file has no problems; it happens all at once, or not at all.",
    ),
    "up_confirm": ("Bevestig: laad dit bestand", "Confirm: import this file"),
    "up_too_big": (
        "{name} is groter dan {limit_mb} MB en werd niet gelezen. Splits het bestand, of vraag de "
        "beheerder de limiet te verhogen.",
        "{name} is larger than {limit_mb} MB and was not read. Split the file, or ask the administrator "
        "to raise the limit.",
    ),
    "up_not_a_file": ("{name} kon niet als bestand gelezen worden.", "{name} could not be read as a file."),
    "up_empty": ("{name} is leeg.", "{name} is empty."),
    "up_bad_choice": ("Onbekende keuze; herlaad de pagina.", "Unknown choice; reload the page."),
    "up_not_checked": (
        "Dit is niet het bestand dat gecontroleerd werd: niets geladen. Kies het bestand opnieuw.",
        "This is not the file that was checked: nothing imported. Choose the file again.",
    ),
    "up_failed_on_import": (
        "De databank veranderde sinds de controle en het bestand past er niet meer bij; niets geladen.",
        "The database changed since the check and the file no longer fits it; nothing imported.",
    ),
    "up_error": ("Niets geladen: {message}", "Nothing imported: {message}"),
    "up_checked_heading": ("Gecontroleerd: {name}", "Checked: {name}"),
    "up_checked_hash": ("Vingerafdruk (sha256): {sha}…", "Fingerprint (sha256): {sha}…"),
    "up_detected_heading": ("Wat we lazen", "What was read"),
    "up_format": ("Formaat", "Format"),
    "up_separator": ("Scheidingsteken", "Separator"),
    "up_sep_semicolon": ("puntkomma (;)", "semicolon (;)"),
    "up_sep_comma": ("komma (,)", "comma (,)"),
    "up_sep_tab": ("tab", "tab"),
    "up_sep_pipe": ("verticale streep (|)", "vertical bar (|)"),
    "up_decimal": ("Decimaalteken", "Decimal mark"),
    "up_not_determined": ("nog niet bepaald", "not determined"),
    "up_encoding": ("Tekenset", "Encoding"),
    "up_header_line": ("Kopregel", "Header line"),
    "up_layout": ("Vorm", "Layout"),
    "up_layout_long": ("lang (één waarde per rij)", "long (one value per row)"),
    "up_layout_wide": ("breed (één kolom per periode)", "wide (one column per period)"),
    "up_units": ("Eenheden", "Units"),
    "up_skipped_lines": ("Titel- en voetregels overgeslagen", "Title and footer lines skipped"),
    "up_profile": ("Importprofiel", "Import profile"),
    "up_profile_report": ("Wat het importprofiel deed:", "What the import profile did:"),
    "up_rows_heading": ("De eerste rijen zoals gelezen", "The first rows as read"),
    "up_rows_caption": ("De eerste {count} rijen", "The first {count} rows"),
    "up_col_line": ("Regel", "Line"),
    "up_col_row": ("Rij", "Row"),
    "up_col_column": ("Kolom", "Column"),
    "up_col_value": ("Waarde", "Value"),
    "up_col_expected": ("Verwacht", "Expected"),
    "up_col_indicator": ("Indicator", "Indicator"),
    "up_col_period": ("Periode", "Period"),
    "up_col_change": ("Wijziging", "Change"),
    "up_col_old": ("Oud", "Old"),
    "up_col_new": ("Nieuw", "New"),
    "up_col_key": ("Wat", "What"),
    "up_problems_heading_one": ("1 probleem in het bestand", "1 problem in the file"),
    "up_problems_heading_other": ("{count} problemen in het bestand", "{count} problems in the file"),
    "up_problems_nothing_written": (
        "Er wordt niets geladen zolang het bestand problemen heeft. Verbeter ze en kies het bestand opnieuw.",
        "Nothing is imported while the file has problems. Correct them and choose the file again.",
    ),
    "up_problems_caption": ("Elk probleem: rij, kolom, gevonden waarde en wat verwacht werd",
                            "Every problem: row, column, value found and what was expected"),
    "up_problems_more": ("En nog {count} problemen.", "And {count} more problems."),
    "up_map_heading": ("Onbekende namen koppelen", "Map unknown labels"),
    "up_map_intro": (
        "Vul in waar elke onbekende naam voor staat en controleer opnieuw. De koppeling geldt voor dit "
        "bestand (zoals een mappingbestand met kolommen source_label,kind,target bij roadmap load --mapping).",
        "Fill in what each unknown label stands for and check again. The mapping applies to this file (as a "
        "mapping file with columns source_label,kind,target does for roadmap load --mapping).",
    ),
    "up_map_label": ("'{label}' betekent:", "'{label}' means:"),
    "up_map_hint_label": (
        "een sectorcode (bv. residential, total) of een indicatorcode",
        "a sector code (e.g. residential, total) or an indicator code",
    ),
    "up_map_hint_unit": ("een gekende eenheid, bv. kt CO2e of MWh", "a known unit, e.g. kt CO2e or MWh"),
    "up_map_hint_partner_type": (
        "een partnertype: company, knowledge, civil_society, residents of public",
        "a partner type: company, knowledge, civil_society, residents or public",
    ),
    "up_map_apply": ("Koppel en controleer opnieuw", "Apply and check again"),
    "up_map_used_heading": ("Gebruikte koppelingen", "Mapping in use"),
    "up_map_download": (
        "Download als mappingbestand (voor de volgende keer, of roadmap load --mapping)",
        "Download as a mapping file (for next time, or roadmap load --mapping)",
    ),
    "up_diff_heading": ("Wat er zou veranderen", "What would change"),
    "up_no_problems": ("Geen problemen gevonden.", "No problems found."),
    "up_count_new": ("{count} nieuw", "{count} new"),
    "up_count_superseded": ("{count} vervangen (de oude waarde blijft in de geschiedenis)",
                            "{count} replaced (the old value stays in the history)"),
    "up_count_unchanged": ("{count} ongewijzigd", "{count} unchanged"),
    "up_count_skipped": ("{count} overgeslagen (andere gebieden)", "{count} skipped (other areas)"),
    "up_change_new": ("nieuw", "new"),
    "up_change_superseded": ("vervangen", "replaced"),
    "up_change_unchanged": ("ongewijzigd", "unchanged"),
    "up_warnings": ("Let op", "Please check"),
    "up_nothing_changes": ("Dit bestand verandert niets aan de databank.", "This file changes nothing in the database."),
    "up_already_loaded": (
        "Precies dit bestand werd al geladen (import {batch}); er is niets te laden.",
        "This exact file was already imported (batch {batch}); there is nothing to import.",
    ),
    "up_diff_caption": ("Rijen van het bestand (toont {shown} van {count})",
                        "Rows of the file (showing {shown} of {count})"),
    "up_imported": (
        "Geladen als import {batch}: {added} nieuw, {superseded} vervangen, {unchanged} ongewijzigd.",
        "Imported as batch {batch}: {added} new, {superseded} replaced, {unchanged} unchanged.",
    ),
    "up_see_overview": ("Bekijk het overzicht", "See the overview"),
    "up_see_history": ("Bekijk de importgeschiedenis", "See the import history"),
    # Workspace: import history (analysts)
    "imp_title": ("Importgeschiedenis", "Import history"),
    "imp_heading": ("Importgeschiedenis", "Import history"),
    "imp_intro": (
        "Elke import met wie, wanneer, welk bestand en hoeveel rijen. Analisten maken hun eigen imports "
        "ongedaan, coördinatoren elke import.",
        "Every import with who, when, which file and how many rows. Analysts undo their own imports, "
        "coordinators any import.",
    ),
    "imp_to_upload": ("Een bestand laden", "Upload a file"),
    "imp_list_heading": ("Imports", "Imports"),
    "imp_none": ("Nog geen imports.", "No imports yet."),
    "imp_table_caption": ("Alle imports, nieuwste eerst ({count})", "Every import, newest first ({count})"),
    "imp_col_batch": ("Import", "Batch"),
    "imp_col_when_who": ("Wanneer en door wie", "When and by whom"),
    "imp_by": ("door {name}", "by {name}"),
    "imp_col_file_hash": ("Bestand en vingerafdruk", "File and hash"),
    "imp_col_rows": ("Rijen", "Rows"),
    "imp_rows_text": (
        "{added} nieuw, {superseded} vervangen, {unchanged} ongewijzigd ({rows} rijen in het bestand)",
        "{added} new, {superseded} replaced, {unchanged} unchanged ({rows} rows in the file)",
    ),
    "imp_col_actions": ("Acties", "Actions"),
    "imp_status_undone": ("ongedaan gemaakt door {name} op {when}", "undone by {name} on {when}"),
    "imp_show_rows": ("Rijen", "Rows"),
    "imp_undo": ("Ongedaan maken", "Undo"),
    "imp_of_batch": (" van import {batch}", " of batch {batch}"),
    "imp_rows_heading": ("Rijen van import {batch} ({name})", "Rows of batch {batch} ({name})"),
    "imp_rows_caption": ("Rijen van de import (toont {shown} van {count})", "Rows of the import (showing {shown} of {count})"),
    "imp_rows_none": (
        "Deze import heeft geen rijen (meer): niets toegevoegd, of ongedaan gemaakt.",
        "This import has no rows (any more): nothing was added, or it was undone.",
    ),
    "imp_changes_caption": ("Gewijzigde velden (toont {shown} van {count})", "Fields changed (showing {shown} of {count})"),
    "imp_col_unit": ("Eenheid", "Unit"),
    "imp_col_as_in_file": ("Zoals in het bestand", "As in the file"),
    "imp_col_field": ("Veld", "Field"),
    "imp_col_detail_partners": ("Soort", "Type"),
    "imp_col_detail_commitments": ("Status", "Status"),
    "imp_value_current": ("geldend", "current"),
    "imp_value_replaced": ("vervangen door import {batch}", "replaced by batch {batch}"),
    "imp_value_withdrawn": ("ingetrokken", "withdrawn"),
    "imp_undo_heading": ("Import ongedaan maken?", "Undo the import?"),
    "imp_undo_question_indicators": (
        "Import {batch} ({name}) ongedaan maken? Zijn waarden worden ingetrokken en de waarden die hij "
        "verving, gelden weer.",
        "Undo batch {batch} ({name})? Its values are withdrawn and the values it replaced apply again.",
    ),
    "imp_undo_question_partners": (
        "Import {batch} ({name}) ongedaan maken? De partners die hij toevoegde verdwijnen en wat hij "
        "wijzigde, wordt teruggezet.",
        "Undo batch {batch} ({name})? The partners it added are removed and what it changed is restored.",
    ),
    "imp_undo_question_commitments": (
        "Import {batch} ({name}) ongedaan maken? De engagementen die hij toevoegde verdwijnen en wat hij "
        "wijzigde, wordt teruggezet.",
        "Undo batch {batch} ({name})? The commitments it added are removed and what it changed is restored.",
    ),
    "imp_undo_yes": ("Ja, maak ongedaan", "Yes, undo it"),
    "imp_undo_no": ("Nee, annuleer", "No, cancel"),
    "imp_undone": ("Gedaan: {summary}", "Done: {summary}"),
    "imp_undo_failed": ("Niets ongedaan gemaakt: {message}", "Nothing was undone: {message}"),
    "imp_no_such_batch": ("Er is geen import {batch} in dit programma.", "There is no batch {batch} in this programme."),
}

from dashboard.locales.mapping_labels import MAPPING_LABELS  # noqa: E402  (the upload page's mapping step)

LABELS.update(MAPPING_LABELS)

# The workspace frame and the coordinators' pages keep their labels in coord_labels.py.
LABELS.update(WORKSPACE_FRAME_LABELS)
LABELS.update(COORD_LABELS)
LABELS.update(ADMIN_LABELS)
LABELS.update(UI_LABELS)
LABELS.update(COMPARE_LABELS)

from dashboard.locales.problems_labels import PROBLEMS_LABELS  # noqa: E402  (the notice of a failed callback)

LABELS.update(PROBLEMS_LABELS)
