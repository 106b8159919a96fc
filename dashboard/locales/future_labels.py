"""Labels of the planned-rows offer on the upload page (issue 12): key -> (Dutch, English).

FUTURE_FRENCH holds the French of each key (same placeholders), for the gettext catalogues.
"""

FUTURE_LABELS: dict[str, tuple[str, str]] = {
    "up_planned_set_label": (
        "Geplande rijen bewaren als doelstelling met deze naam (leeg: weglaten)",
        "Keep planned rows as a target set named (empty: leave them out)",
    ),
    "up_planned_set_hint": (
        "Rijen die een kolom type/status als gepland aanduidt, worden nooit als meting bewaard. Met "
        "een naam worden ze een doelstelling: elk gepland jaar een tussendoel in t CO2e, het laatste "
        "geplande jaar het doel. Enkel voor coördinatoren.",
        "Rows a type/status column marks planned are never stored as measurements. With a name they "
        "become a target set: each planned year a milestone in t CO2e, the last planned year the "
        "target. Coordinators only.",
    ),
    "up_planned_offer": (
        "{count} geplande rij(en) weggelaten; om ze als doelstelling te bewaren, vul hierboven een naam "
        "in bij ‘Geplande rijen bewaren als doelstelling’.",
        "{count} planned row(s) left out; to keep them as a target set, fill in a name above under "
        "‘Keep planned rows as a target set’.",
    ),
    "up_planned_kept": (
        "Geplande rijen {verb} doelstelling ‘{name}’: basisjaar {baseline}, doel {target_year} "
        "{target} t CO2e{milestones}.",
        "Planned rows {verb} target set ‘{name}’: baseline {baseline}, target {target_year} "
        "{target} t CO2e{milestones}.",
    ),
    "up_planned_verb_would": ("worden", "would become"),
    "up_planned_verb_kept": ("werden", "became"),
    "up_planned_milestones": ("; tussendoelen {items}", "; milestones {items}"),
    "up_planned_needs_coordinator": (
        "Geplande rijen als doelstelling bewaren vraagt de rol coördinator; laat de naam leeg of vraag "
        "het een coördinator.",
        "Keeping planned rows as a target set needs the coordinator role; leave the name empty or ask "
        "a coordinator.",
    ),
}

FUTURE_FRENCH: dict[str, str] = {
    "up_planned_set_label": "Conserver les lignes prévues comme jeu d’objectifs nommé (vide : les écarter)",
    "up_planned_set_hint": (
        "Les lignes qu’une colonne type/statut marque comme prévues ne sont jamais enregistrées comme "
        "mesures. Avec un nom, elles deviennent un jeu d’objectifs : chaque année prévue un jalon en "
        "t CO2e, la dernière année prévue l’objectif. Réservé aux coordinateurs."
    ),
    "up_planned_offer": (
        "{count} ligne(s) prévue(s) écartée(s) ; pour les conserver comme jeu d’objectifs, indiquez un "
        "nom ci-dessus sous « Conserver les lignes prévues comme jeu d’objectifs »."
    ),
    "up_planned_kept": (
        "Lignes prévues {verb} jeu d’objectifs « {name} » : année de référence {baseline}, objectif "
        "{target_year} {target} t CO2e{milestones}."
    ),
    "up_planned_verb_would": "deviendraient le",
    "up_planned_verb_kept": "devenues le",
    "up_planned_milestones": " ; jalons {items}",
    "up_planned_needs_coordinator": (
        "Conserver les lignes prévues comme jeu d’objectifs demande le rôle de coordinateur ; laissez le "
        "nom vide ou demandez-le à un coordinateur."
    ),
}
