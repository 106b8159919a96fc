"""Labels of the scenarios from commitments (overview and workspace): key -> (Dutch, English),
and their French (SCENARIOS_FRENCH, same placeholders)."""

SCENARIOS_LABELS: dict[str, tuple[str, str]] = {
    "sc_heading": ("Wat als de engagementen slagen?", "What if the commitments deliver?"),
    "sc_intro": (
        "De trend min wat de engagementen van dit scenario besparen, gespreid van het laatst gemeten "
        "jaar tot hun doeljaar. Elke band is wat de engagementen van één thema van de trend afhalen.",
        "The trend minus what this scenario's commitments save, spread from the latest measured year "
        "to their target year. Each band is what one theme's commitments take off the trend.",
    ),
    "sc_wedge_title": ("Scenario: {scenario}", "Scenario: {scenario}"),
    "sc_bar_title": ("Nu, scenario en doel", "Now, scenario and target"),
    "sc_as_reported": ("zoals gerapporteerd", "as reported"),
    "sc_all_delivered": ("alle engagementen geleverd", "all commitments delivered"),
    "sc_achieved_only": ("enkel gerealiseerde engagementen", "achieved commitments only"),
    "sc_chosen": ("eigen keuze", "own choice"),
    "sc_projected": ("Huidige trend", "Current trend"),
    "sc_scenario": ("Scenario", "Scenario"),
    "sc_target_pathway": ("Doeltraject", "Target pathway"),
    "sc_now": ("Nu", "Now"),
    "sc_target": ("Doel", "Target"),
    "sc_no_theme": ("Zonder thema", "No theme"),
    "sc_no_sector": ("Zonder sector", "No sector"),
    "sc_col_step": ("Wat", "What"),
    "sc_col_year": ("Jaar", "Year"),
    "sc_col_value_kt": ("Uitstoot (kt CO₂e)", "Emissions (kt CO₂e)"),
    "sc_col_projected_kt": ("Trend (kt CO₂e)", "Trend (kt CO₂e)"),
    "sc_col_scenario_kt": ("Scenario (kt CO₂e)", "Scenario (kt CO₂e)"),
    "sc_col_target_pathway_kt": ("Doeltraject (kt CO₂e)", "Target pathway (kt CO₂e)"),
    "sc_col_wedge_kt": ("{label} (kt CO₂e)", "{label} (kt CO₂e)"),
    "sc_wedge_summary": (
        "In {year} geeft dit scenario {scenario} kt in plaats van de {projected} kt van de trend; "
        "de grootste band is {label} ({wedge} kt).",
        "In {year} this scenario gives {scenario} kt instead of the trend's {projected} kt; the "
        "largest band is {label} ({wedge} kt).",
    ),
    "sc_wedge_summary_none": (
        "Geen engagement van dit scenario heeft een besparing in ton: het scenario volgt de trend "
        "({projected} kt in {year}).",
        "No commitment in this scenario has a reduction in tonnes: the scenario follows the trend "
        "({projected} kt in {year}).",
    ),
    "sc_bar_reaches": (
        "Nu ({now_year}) {now} kt; in {year} geeft het scenario {scenario} kt tegenover een doel "
        "van {target} kt: het haalt het doel.",
        "Now ({now_year}) {now} kt; in {year} the scenario gives {scenario} kt against a target of "
        "{target} kt: it reaches the target.",
    ),
    "sc_bar_short": (
        "Nu ({now_year}) {now} kt; in {year} geeft het scenario {scenario} kt tegenover een doel "
        "van {target} kt: het schiet {short} kt tekort.",
        "Now ({now_year}) {now} kt; in {year} the scenario gives {scenario} kt against a target of "
        "{target} kt: it falls short by {short} kt.",
    ),
    "sc_not_available": (
        "Nog geen scenario: daarvoor zijn een doel en minstens 5 jaarwaarden nodig.",
        "No scenario yet: it needs a target and at least 5 yearly values.",
    ),
    "ws_nav_scenarios": ("Scenario's", "Scenarios"),
    "sc_ws_title": ("Scenario's", "Scenarios"),
    "sc_ws_heading": ("Scenario's uit de engagementen", "Scenarios from the commitments"),
    "sc_ws_intro": (
        "Kies welke engagementen meetellen. Een keuze van statussen telt die engagementen volledig "
        "mee, in plaats van de basis. De vaste link opent hetzelfde scenario.",
        "Choose which commitments count. A choice of statuses counts those commitments in full, "
        "instead of the basis. The permanent link opens the same scenario.",
    ),
    "sc_ws_unknown": ("Niet herkend in de link en genegeerd: {values}.",
                      "Not recognised in the link and left out: {values}."),
    "sc_ws_basis": ("Basis", "Basis"),
    "sc_ws_status": ("Statussen (volledig meegeteld)", "Statuses (counted in full)"),
    "sc_ws_theme": ("Thema's", "Themes"),
    "sc_ws_sector": ("Sectoren", "Sectors"),
    "sc_ws_partner_type": ("Soorten partners", "Partner types"),
    "sc_ws_by": ("Een band per", "One band per"),
    "sc_ws_by_theme": ("thema", "theme"),
    "sc_ws_by_sector": ("sector", "sector"),
    "sc_ws_permalink": ("Vaste link naar dit scenario", "Permanent link to this scenario"),
    "sc_ws_save_heading": ("Scenario bewaren", "Save the scenario"),
    "sc_ws_name": ("Naam", "Name"),
    "sc_ws_save": ("Bewaren", "Save"),
    "sc_ws_saved": ("Bewaard als ‘{name}’.", "Saved as ‘{name}’."),
    "sc_ws_name_needed": ("Geef het scenario een naam (hoogstens {max} tekens).",
                          "Give the scenario a name (at most {max} characters)."),
    "sc_ws_saved_heading": ("Bewaarde scenario's", "Saved scenarios"),
    "sc_ws_none_saved": ("Nog geen bewaard scenario.", "No saved scenario yet."),
}

SCENARIOS_FRENCH: dict[str, str] = {
    "sc_heading": "Et si les engagements aboutissent ?",
    "sc_intro": (
        "La tendance moins ce que les engagements de ce scénario économisent, répartis de la dernière "
        "année mesurée jusqu’à leur année cible. Chaque bande est ce que les engagements d’un thème "
        "retirent de la tendance."
    ),
    "sc_wedge_title": "Scénario : {scenario}",
    "sc_bar_title": "Aujourd’hui, scénario et objectif",
    "sc_as_reported": "tel que rapporté",
    "sc_all_delivered": "tous les engagements tenus",
    "sc_achieved_only": "engagements réalisés uniquement",
    "sc_chosen": "choix personnalisé",
    "sc_projected": "Tendance actuelle",
    "sc_scenario": "Scénario",
    "sc_target_pathway": "Trajectoire cible",
    "sc_now": "Aujourd’hui",
    "sc_target": "Objectif",
    "sc_no_theme": "Sans thème",
    "sc_no_sector": "Sans secteur",
    "sc_col_step": "Quoi",
    "sc_col_year": "Année",
    "sc_col_value_kt": "Émissions (kt CO₂e)",
    "sc_col_projected_kt": "Tendance (kt CO₂e)",
    "sc_col_scenario_kt": "Scénario (kt CO₂e)",
    "sc_col_target_pathway_kt": "Trajectoire cible (kt CO₂e)",
    "sc_col_wedge_kt": "{label} (kt CO₂e)",
    "sc_wedge_summary": (
        "En {year}, ce scénario donne {scenario} kt au lieu des {projected} kt de la tendance ; la "
        "plus grande bande est {label} ({wedge} kt)."
    ),
    "sc_wedge_summary_none": (
        "Aucun engagement de ce scénario n’a de réduction en tonnes : le scénario suit la tendance "
        "({projected} kt en {year})."
    ),
    "sc_bar_reaches": (
        "Aujourd’hui ({now_year}) {now} kt ; en {year}, le scénario donne {scenario} kt pour un "
        "objectif de {target} kt : il atteint l’objectif."
    ),
    "sc_bar_short": (
        "Aujourd’hui ({now_year}) {now} kt ; en {year}, le scénario donne {scenario} kt pour un "
        "objectif de {target} kt : il manque {short} kt."
    ),
    "sc_not_available": "Pas encore de scénario : il faut un objectif et au moins 5 valeurs annuelles.",
    "ws_nav_scenarios": "Scénarios",
    "sc_ws_title": "Scénarios",
    "sc_ws_heading": "Scénarios à partir des engagements",
    "sc_ws_intro": (
        "Choisissez les engagements qui comptent. Un choix de statuts compte ces engagements en "
        "entier, au lieu de la base. Le lien permanent ouvre le même scénario."
    ),
    "sc_ws_unknown": "Non reconnu dans le lien et laissé de côté : {values}.",
    "sc_ws_basis": "Base",
    "sc_ws_status": "Statuts (comptés en entier)",
    "sc_ws_theme": "Thèmes",
    "sc_ws_sector": "Secteurs",
    "sc_ws_partner_type": "Types de partenaires",
    "sc_ws_by": "Une bande par",
    "sc_ws_by_theme": "thème",
    "sc_ws_by_sector": "secteur",
    "sc_ws_permalink": "Lien permanent vers ce scénario",
    "sc_ws_save_heading": "Enregistrer le scénario",
    "sc_ws_name": "Nom",
    "sc_ws_save": "Enregistrer",
    "sc_ws_saved": "Enregistré sous « {name} ».",
    "sc_ws_name_needed": "Donnez un nom au scénario (au plus {max} caractères).",
    "sc_ws_saved_heading": "Scénarios enregistrés",
    "sc_ws_none_saved": "Pas encore de scénario enregistré.",
}
