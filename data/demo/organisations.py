"""The demo's roadmap themes, partners and commitments: invented, with plausible stories (illustrative).

Names are made up (Dijle is the river through Leuven; the districts are real place names), so no
row describes a real organisation. Read by data/demo/generate.py, which writes the CSV files.
"""

from __future__ import annotations

# The 13 programmes of a Leuven 2030-style roadmap (names illustrative): code, Dutch, English.
THEMES = (
    ("P01", "Renovatie van woningen", "Renovation of homes"),
    ("P02", "Renovatie van niet-residentiële gebouwen", "Renovation of non-residential buildings"),
    ("P03", "Hernieuwbare energie", "Renewable energy"),
    ("P04", "Mobiliteit", "Mobility"),
    ("P05", "Circulaire economie en afval", "Circular economy and waste"),
    ("P06", "Voeding en landbouw", "Food and agriculture"),
    ("P07", "Groen en landgebruik", "Green space and land use"),
    ("P08", "Energiegemeenschappen", "Energy communities"),
    ("P09", "Duurzaam ondernemen", "Sustainable businesses"),
    ("P10", "Kennis en innovatie", "Knowledge and innovation"),
    ("P11", "Financiering", "Finance"),
    ("P12", "Klimaatrobuuste stad", "Climate-robust city"),
    ("P13", "Betrokkenheid en verhalen", "Engagement and storytelling"),
)
THEME_KEYS = dict(zip(
    ("renovation_homes", "renovation_nonresidential", "renewable_energy", "mobility",
     "circular_economy", "food_agriculture", "green_space", "energy_communities",
     "sustainable_business", "knowledge_innovation", "finance", "climate_robust", "engagement"),
    THEMES, strict=True,
))

# (name, type, sector code or None, joined (ISO), web slug, description)
PARTNERS = (
    ("Dijle University", "knowledge", "tertiary", "2013-01-24", "dijle-university",
     "Founding partner. Heats its central campus with a low-temperature network and puts its researchers on the roadmap's monitoring."),
    ("Dijle University Hospital", "knowledge", "tertiary", "2013-01-24", "dijle-hospital",
     "The largest hospital campus in the city; replacing steam boilers with heat pumps and storage in a €40M energy project."),
    ("Vaartkom University College", "knowledge", "tertiary", "2014-05-12", "vaartkom-college",
     "Teaches installers and nurses; its students audit homes of elderly residents for free."),
    ("Abdijpark College of Arts", "knowledge", "tertiary", "2016-10-03", "abdijpark-arts",
     "Renovating a listed abbey building without losing its character, and telling the story in exhibitions."),
    ("Energy Transition Lab", "knowledge", None, "2018-02-19", "transition-lab",
     "A small research institute that builds the city's energy models and checks the partners' reported savings."),
    ("Municipal Buildings Agency", "public", "municipal", "2013-01-24", "municipal-buildings",
     "Manages schools, sports halls and offices of the city; all of them fossil-free by 2030 is its promise."),
    ("Dijleland Social Housing", "public", "residential", "2013-06-10", "social-housing",
     "Owns 4,800 social homes; deep renovation block by block, residents staying in their homes."),
    ("Intermunicipal Waste Authority", "public", "waste", "2014-01-15", "waste-authority",
     "Collects and treats the waste of eleven municipalities, including the city's incinerator."),
    ("Public Welfare Centre", "public", "residential", "2015-09-21", "welfare-centre",
     "Helps households in energy poverty with insulation loans and a heat-pump rental scheme."),
    ("Provincial Energy Office", "public", None, "2017-03-06", "energy-office",
     "Advises municipalities in the province and co-funds the renovation desk."),
    ("Regional Bus Operator", "public", "transport_public", "2016-06-01", "bus-operator",
     "Runs the city buses; electrifying the urban lines depot by depot."),
    ("Vaartkom Brewers", "company", "industry", "2013-01-24", "vaartkom-brewers",
     "A large brewery by the canal that swapped gas-fired steam for a biomass boiler and waste-heat recovery."),
    ("Dijle Solar Roofs", "company", "energy_production", "2014-03-17", "dijle-solar-roofs",
     "Installs rooftop solar on homes and schools, with a group-purchase scheme per district."),
    ("Groene Kaai Installers", "company", "residential", "2015-11-09", "groene-kaai",
     "A family firm of heating engineers that retrained its staff from gas boilers to heat pumps."),
    ("Ring Logistics", "company", "transport_private", "2016-02-29", "ring-logistics",
     "A parcel and pallet carrier with a depot on the ring road; testing electric trucks."),
    ("Station Quarter Offices", "company", "tertiary", "2016-09-14", "station-offices",
     "Owns four office blocks near the station and leases them as energy-neutral offices."),
    ("Dijle Shared Cars", "company", "transport_private", "2017-04-24", "shared-cars",
     "A car-sharing company with 120 cars parked in the neighbourhoods, half of them electric."),
    ("Cargo Bike Couriers", "company", "transport_private", "2017-10-02", "cargo-couriers",
     "Delivers the city centre's parcels by cargo bike from a hub at the edge of the centre."),
    ("Brabant Renovation Partners", "company", "residential", "2018-01-22", "brabant-renovation",
     "A contractor that renovates whole terraced streets at once with prefabricated facades."),
    ("Market Square Hotels", "company", "tertiary", "2018-05-07", "market-hotels",
     "Three hotels around the market square; heat pumps, LED and no more single-use plastics."),
    ("Dijle Print & Pack", "company", "industry", "2019-02-11", "print-pack",
     "A printing and packaging plant that electrified its dryers and recycles its offcuts."),
    ("Green Grocers Collective", "company", "tertiary", "2019-06-17", "green-grocers",
     "Twenty independent food shops that share cold storage and an electric delivery van."),
    ("Dijle Heat Network Company", "company", "energy_production", "2019-11-25", "heat-network",
     "Builds and runs the district heating network fed by the incinerator's waste heat."),
    ("Dijleland Supermarkets", "company", "tertiary", "2020-09-28", "dijleland-supermarkets",
     "A regional supermarket chain closing its fridges, heating with their waste heat and adding solar carports."),
    ("Science Park Data Centre", "company", "tertiary", "2021-03-15", "data-centre",
     "A data centre that planned to sell its waste heat to the neighbouring homes."),
    ("Brabant Concrete Recyclers", "company", "industry", "2022-05-30", "concrete-recyclers",
     "Crushes demolition concrete into aggregate for new buildings, with low-carbon cement."),
    ("Climate Action Network Dijle", "civil_society", None, "2013-01-24", "climate-network",
     "An umbrella of environmental groups; organises the yearly climate festival."),
    ("Cyclists' Union Dijle", "civil_society", "transport", "2013-09-16", "cyclists-union",
     "Campaigns for safe cycle routes and counts cyclists at twelve points every spring."),
    ("Repair Café Network", "civil_society", "waste", "2014-10-20", "repair-cafes",
     "Volunteers repair appliances, clothes and bikes in nine neighbourhood cafés each month."),
    ("Urban Farming Association", "civil_society", "agriculture", "2015-04-13", "urban-farming",
     "Links farmers around the city with residents through a vegetable subscription."),
    ("Tree Planting Foundation", "civil_society", "land_use", "2016-11-21", "tree-foundation",
     "Plants trees with schools and companies and keeps a register of every tree planted."),
    ("Youth Climate Movement Dijle", "civil_society", None, "2019-01-31", "youth-climate",
     "Pupils and students who started with school strikes and now run climate lessons."),
    ("Dijle Energy Cooperative", "civil_society", "energy_production", "2014-06-23", "energy-coop",
     "A citizens' cooperative with 3,000 members that owns solar roofs and plans wind power."),
    ("Dijleland Food Bank", "civil_society", "waste", "2020-02-17", "food-bank",
     "Collects unsold food from shops and turns it into meals instead of waste."),
    ("Friends of the Nature Reserve", "civil_society", "land_use", "2021-10-04", "reserve-friends",
     "Volunteers who restore wetlands and grasslands in the valley south of the city."),
    ("Kessel-Lo Street Renovation Group", "residents", "residential", "2017-02-06", "kessel-lo-streets",
     "Neighbours who renovate together: one architect, one contractor, one loan desk per street."),
    ("Heverlee Heat Pump Collective", "residents", "residential", "2018-09-10", "heverlee-heat-pumps",
     "Residents who share their heat-pump experience and bulk-buy with a group discount."),
    ("Wilsele Car-Free Sundays", "residents", "transport", "2019-05-20", "wilsele-car-free",
     "Closes a district's streets to cars one Sunday a month and lends out cargo bikes."),
    ("Vaartkom Residents' Association", "residents", None, "2020-06-08", "vaartkom-residents",
     "Residents of the former harbour district who want it to become the city's first zero-carbon quarter."),
    ("Student Housing Climate Team", "residents", "residential", "2022-02-21", "student-housing",
     "Student tenants and landlords who agree on insulation in exchange for stable rents."),
    ("Wijgmaal Community Garden", "residents", "agriculture", "2023-03-27", "wijgmaal-garden",
     "A garden on a former car park that grows vegetables and composts the street's kitchen waste."),
    ("School Street Parents", "residents", "transport", "2024-01-15", "school-street",
     "Parents who close their school's street at drop-off time and walk or cycle their children."),
)

# Commitments, grouped by partner. Each row:
# (title, theme, sector, reduction t CO2e/yr or None, indicator or None, indicator target or None,
#  target year, status, progress %, last update (ISO))
# The first row of Dijle University Hospital is DOMAIN.md's example: EUR 40M for -7,000 t/yr.
COMMITMENTS = {
    "Dijle University": (
        ("Low-temperature heat network on the central campus", "renovation_nonresidential", "tertiary", 5500, None, None, 2028, "in_progress", 45, "2026-06-22"),
        ("Renovate 20 faculty buildings to near-zero energy", "renovation_nonresidential", "tertiary", 3200, None, None, 2030, "planned", None, "2024-11-04"),
        ("Solar panels on every suitable campus roof", "renewable_energy", "energy_production", None, "rooftop_pv_capacity", 6, 2026, "in_progress", 55, "2025-02-03"),
    ),
    "Dijle University Hospital": (
        ("Campus energy project: heat pumps and storage (EUR 40M)", "renovation_nonresidential", "tertiary", 7000, None, None, 2027, "in_progress", 55, "2026-09-14"),
        ("Low-carbon anaesthetic gases", "sustainable_business", "tertiary", 900, None, None, 2023, "achieved", 100, "2023-12-18"),
    ),
    "Vaartkom University College": (
        ("Free energy audits for 1,000 homes of elderly residents", "renovation_homes", "residential", None, "renovated_homes", 300, 2025, "in_progress", 85, "2026-02-09"),
        ("Replace the gas boilers of the main campus", "renovation_nonresidential", "tertiary", 650, None, None, 2022, "delayed", 35, "2024-06-12"),
    ),
    "Abdijpark College of Arts": (
        ("Insulate the listed abbey wing", "renovation_nonresidential", "tertiary", 180, None, None, 2026, "in_progress", 50, "2024-10-14"),
        ("Exhibition: a city without gas", "engagement", None, None, None, None, 2024, "achieved", 100, "2024-12-02"),
    ),
    "Energy Transition Lab": (
        ("Yearly check of the partners' reported savings", "knowledge_innovation", None, None, None, None, 2030, "in_progress", 45, "2025-05-05"),
        ("Open model of the city's heat demand", "knowledge_innovation", "residential", None, None, None, 2022, "achieved", 100, "2022-09-30"),
    ),
    "Municipal Buildings Agency": (
        ("All municipal buildings fossil-free", "renovation_nonresidential", "municipal", 2400, None, None, 2030, "in_progress", 45, "2026-04-27"),
        ("LED in every street light", "renovation_nonresidential", "public_lighting", 850, None, None, 2021, "achieved", 100, "2021-12-20"),
        ("Connect 12 schools to the heat network", "renewable_energy", "municipal", 600, None, None, 2024, "delayed", 25, "2024-09-16"),
    ),
    "Dijleland Social Housing": (
        ("Deep renovation of 1,200 social homes", "renovation_homes", "residential", 2800, None, None, 2030, "in_progress", 45, "2026-05-11"),
        ("Heat pumps in 400 apartments", "renovation_homes", "residential", 900, None, None, 2023, "delayed", 20, "2024-05-06"),
        ("Solar panels on 60 apartment blocks", "renewable_energy", "energy_production", None, "rooftop_pv_capacity", 2.5, 2022, "achieved", 100, "2022-11-28"),
    ),
    "Intermunicipal Waste Authority": (
        ("Separate food-waste collection for all households", "circular_economy", "waste", 1800, None, None, 2022, "achieved", 100, "2022-10-03"),
        ("Capture and use landfill gas", "circular_economy", "waste", 2500, None, None, 2026, "in_progress", 60, "2025-01-13"),
        ("Recycling park for construction materials", "circular_economy", "waste", 400, None, None, 2025, "delayed", 10, "2025-11-24"),
    ),
    "Public Welfare Centre": (
        ("Insulation loans for 500 households in energy poverty", "finance", "residential", 750, None, None, 2026, "in_progress", 55, "2025-03-03"),
        ("Heat-pump rental scheme", "finance", "residential", 300, None, None, 2026, "planned", None, "2025-09-22"),
    ),
    "Provincial Energy Office": (
        ("Co-fund the one-stop renovation desk", "finance", "residential", None, "renovated_homes", 1500, 2027, "in_progress", 40, "2025-02-17"),
        ("Heat zoning plan for the city", "knowledge_innovation", None, None, None, None, 2021, "achieved", 100, "2021-06-28"),
    ),
    "Regional Bus Operator": (
        ("Electric buses on all urban lines", "mobility", "transport_public", 3100, None, None, 2030, "in_progress", 40, "2026-03-30"),
        ("Hydrogen bus pilot", "mobility", "transport_public", 150, None, None, 2022, "withdrawn", None, "2021-11-15"),
    ),
    "Vaartkom Brewers": (
        ("Biomass boiler instead of gas-fired steam", "sustainable_business", "industry", 1200, None, None, 2021, "achieved", 100, "2021-09-06"),
        ("Waste-heat recovery from the brewhouse", "sustainable_business", "industry", 800, None, None, 2025, "achieved", 100, "2025-11-17"),
        ("Electric delivery trucks", "mobility", "transport_private", 300, None, None, 2026, "planned", None, "2024-10-21"),
    ),
    "Dijle Solar Roofs": (
        ("Group purchase of rooftop solar, district by district", "renewable_energy", "energy_production", None, "rooftop_pv_capacity", 8, 2025, "achieved", 100, "2025-12-08"),
        ("Solar on 40 school roofs", "renewable_energy", "energy_production", 350, None, None, 2020, "achieved", 100, "2020-12-14"),
    ),
    "Groene Kaai Installers": (
        ("Retrain all fitters for heat pumps", "sustainable_business", "residential", None, None, None, 2022, "achieved", 100, "2022-06-20"),
        ("Install 600 heat pumps in existing homes", "renovation_homes", "residential", 1400, None, None, 2026, "in_progress", 45, "2025-01-20"),
    ),
    "Ring Logistics": (
        ("Zero-emission last-mile hub", "mobility", "transport_private", 650, None, None, 2025, "in_progress", 80, "2026-01-19"),
        ("Replace 30 diesel trucks with electric ones", "mobility", "transport_private", 1100, None, None, 2024, "delayed", 30, "2024-11-25"),
    ),
    "Station Quarter Offices": (
        ("Energy-neutral office blocks", "renovation_nonresidential", "tertiary", 1300, None, None, 2027, "in_progress", 50, "2025-03-17"),
        ("Bike parking for 1,000 bikes", "mobility", "transport", None, "cycling_modal_share", 40, 2023, "achieved", 100, "2023-05-15"),
    ),
    "Dijle Shared Cars": (
        ("200 shared cars, all electric", "mobility", "transport_private", 500, None, None, 2026, "in_progress", 50, "2025-01-06"),
        ("A shared car within 300 m of every home", "mobility", "transport_private", None, None, None, 2024, "in_progress", 80, "2024-12-16"),
    ),
    "Cargo Bike Couriers": (
        ("Deliver all city-centre parcels by cargo bike", "mobility", "transport_private", 420, None, None, 2025, "achieved", 100, "2025-10-06"),
    ),
    "Brabant Renovation Partners": (
        ("Street-by-street renovation of 800 terraced homes", "renovation_homes", "residential", 1900, None, None, 2028, "in_progress", 25, "2025-03-10"),
        ("Prefabricated facade pilot", "knowledge_innovation", "residential", 60, None, None, 2021, "achieved", 100, "2021-10-25"),
    ),
    "Market Square Hotels": (
        ("Heat pumps in three hotels", "sustainable_business", "tertiary", 450, None, None, 2024, "achieved", 100, "2024-04-08"),
        ("No single-use plastics", "circular_economy", "waste", 20, None, None, 2022, "achieved", 100, "2022-03-21"),
    ),
    "Dijle Print & Pack": (
        ("Electric dryers on all printing lines", "sustainable_business", "industry", 1600, None, None, 2026, "in_progress", 40, "2025-02-03"),
        ("Recycle every offcut", "circular_economy", "industry", 150, None, None, 2023, "achieved", 100, "2023-07-10"),
    ),
    "Green Grocers Collective": (
        ("Shared cold storage with natural refrigerants", "sustainable_business", "tertiary", 120, None, None, 2024, "in_progress", 85, "2024-11-18"),
        ("Shared electric delivery van", "mobility", "transport_private", 25, None, None, 2021, "achieved", 100, "2021-05-31"),
    ),
    "Dijle Heat Network Company": (
        ("District heating phase 1: 1,500 connections", "renewable_energy", "residential", None, "district_heating_connections", 1500, 2026, "in_progress", 60, "2025-04-01"),
        ("Waste heat from the incinerator into the network", "renewable_energy", "energy_production", 4000, None, None, 2029, "planned", None, "2024-09-30"),
        ("District heating phase 2: station quarter", "renewable_energy", "tertiary", 2200, None, None, 2030, "planned", None, "2025-01-27"),
    ),
    "Dijleland Supermarkets": (
        ("Close all fridges and heat with their waste heat", "sustainable_business", "tertiary", 700, None, None, 2026, "in_progress", 85, "2026-04-13"),
        ("Solar carports at every store", "renewable_energy", "energy_production", None, "rooftop_pv_capacity", 1.2, 2026, "planned", None, "2024-12-02"),
    ),
    "Science Park Data Centre": (
        ("Sell waste heat to 300 neighbouring homes", "renewable_energy", "residential", 800, None, None, 2025, "withdrawn", None, "2023-09-11"),
        ("Run on certified renewable power", "sustainable_business", "tertiary", 1500, None, None, 2022, "achieved", 100, "2022-01-17"),
    ),
    "Brabant Concrete Recyclers": (
        ("Low-carbon concrete for 50 building projects", "circular_economy", "industry", 1000, None, None, 2027, "in_progress", 20, "2025-02-24"),
    ),
    "Climate Action Network Dijle": (
        ("Yearly climate festival", "engagement", None, None, None, None, 2030, "in_progress", 60, "2025-05-12"),
        ("Climate ambassadors in every district", "engagement", None, None, None, None, 2023, "delayed", 50, "2024-03-18"),
    ),
    "Cyclists' Union Dijle": (
        ("Spring cycling counts at twelve points", "mobility", "transport", None, "cycling_modal_share", 35, 2025, "achieved", 100, "2025-06-02"),
        ("Safe cycle route to every school", "mobility", "transport", 200, None, None, 2027, "planned", None, "2024-10-07"),
    ),
    "Repair Café Network": (
        ("Repair 5,000 items a year", "circular_economy", "waste", 90, None, None, 2024, "achieved", 100, "2024-12-30"),
        ("Repair café in every district", "circular_economy", "waste", 40, None, None, 2026, "in_progress", 70, "2025-01-13"),
    ),
    "Urban Farming Association": (
        ("Vegetable subscription for 2,000 households", "food_agriculture", "agriculture", 250, None, None, 2026, "in_progress", 55, "2025-02-17"),
        ("Carbon farming on 100 ha around the city", "food_agriculture", "agriculture", 600, None, None, 2024, "delayed", 15, "2024-10-28"),
    ),
    "Tree Planting Foundation": (
        ("Plant 10,000 trees", "green_space", "land_use", 180, None, None, 2026, "in_progress", 65, "2025-03-24"),
        ("A tree register open to everyone", "green_space", "land_use", None, None, None, 2020, "achieved", 100, "2020-11-09"),
    ),
    "Youth Climate Movement Dijle": (
        ("Climate lessons in every secondary school", "engagement", None, None, None, None, 2025, "in_progress", 75, "2025-01-20"),
        ("Youth climate council", "engagement", None, None, None, None, 2021, "achieved", 100, "2021-04-26"),
    ),
    "Dijle Energy Cooperative": (
        ("10 MWp of community solar", "energy_communities", "energy_production", None, "rooftop_pv_capacity", 10, 2027, "in_progress", 45, "2025-04-07"),
        ("Community wind turbine on the business park", "energy_communities", "energy_production", 2600, None, None, 2024, "withdrawn", None, "2022-08-22"),
        ("Energy community for 500 households", "energy_communities", "residential", 350, None, None, 2026, "planned", None, "2024-11-11"),
    ),
    "Dijleland Food Bank": (
        ("Rescue 300 tonnes of food a year", "food_agriculture", "waste", 450, None, None, 2024, "achieved", 100, "2024-12-23"),
    ),
    "Friends of the Nature Reserve": (
        ("Restore 40 ha of wetland", "green_space", "land_use", 320, None, None, 2028, "in_progress", 20, "2025-02-10"),
        ("Flood-proof valley meadows", "climate_robust", "land_use", None, None, None, 2026, "in_progress", 35, "2025-01-06"),
    ),
    "Kessel-Lo Street Renovation Group": (
        ("Renovate 150 homes street by street", "renovation_homes", "residential", None, "renovated_homes", 150, 2026, "in_progress", 75, "2026-05-04"),
        ("Green the courtyards of four blocks", "climate_robust", None, None, None, None, 2023, "achieved", 100, "2023-10-02"),
    ),
    "Heverlee Heat Pump Collective": (
        ("Bulk-buy 250 heat pumps", "renovation_homes", "residential", 600, None, None, 2025, "achieved", 100, "2025-12-15"),
        ("Open heat-pump homes day", "engagement", "residential", None, None, None, 2022, "achieved", 100, "2022-10-17"),
    ),
    "Wilsele Car-Free Sundays": (
        ("Car-free Sunday once a month", "mobility", "transport", 15, None, None, 2020, "achieved", 100, "2020-09-28"),
        ("Cargo-bike library", "mobility", "transport", 30, None, None, 2023, "delayed", 40, "2024-02-26"),
    ),
    "Vaartkom Residents' Association": (
        ("Zero-carbon quarter plan", "energy_communities", None, 500, None, None, 2030, "planned", None, "2024-06-03"),
        ("Rain gardens along the canal", "climate_robust", None, None, None, None, 2026, "in_progress", 60, "2026-03-16"),
    ),
    "Student Housing Climate Team": (
        ("Insulate 1,000 student rooms", "renovation_homes", "residential", 450, None, None, 2026, "in_progress", 30, "2025-02-03"),
        ("Climate charter for landlords", "engagement", "residential", None, None, None, 2023, "achieved", 100, "2023-06-26"),
    ),
    "Wijgmaal Community Garden": (
        ("Compost the street's kitchen waste", "food_agriculture", "waste", 12, None, None, 2024, "achieved", 100, "2024-09-09"),
    ),
    "School Street Parents": (
        ("School streets at ten schools", "mobility", "transport", 40, None, None, 2026, "planned", None, "2025-01-13"),
    ),
}
