#!/usr/bin/env python3
"""Writes assets/sample-cohort.json, the sample cohort embedded in the binary.

Every person, venue and address here is fictional. Phone numbers come from the
06 39 98 range that the French regulator keeps for works of fiction; emails use
example.org. The dicts follow the field order of the serde derives and leave out
what serde skips, so the file is byte for byte what the app would write (a test
checks it). Run from the repository root: python3 tools/make_sample.py
"""

import datetime as dt
import json
import pathlib
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
TODAY = dt.date(2026, 11, 28)
MORNING = ("morning", "09:00:00", "12:30:00", "am")
AFTERNOON = ("afternoon", "14:00:00", "17:30:00", "pm")


def utc(day, time):
    """A Paris wall-clock time as the RFC 3339 UTC string chrono writes."""
    local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time), PARIS)
    return local.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def plus_minutes(time, minutes):
    t = dt.datetime.combine(dt.date(2000, 1, 1), dt.time.fromisoformat(time))
    return (t + dt.timedelta(minutes=minutes)).strftime("%H:%M:%S")


def note(text, confidential=False):
    out = {"text": text}
    if confidential:
        out["confidential"] = True
    return out


# ---------------------------------------------------------------- programme

CORE = [
    ("b-1", "B1", "Comprendre, analyser et documenter un tiers-lieu", [
        "Situer un tiers-lieu dans son histoire, ses valeurs et son territoire",
        "Analyser ses pratiques professionnelles avec des pairs",
        "Documenter les activités et mesurer l'impact social du lieu",
    ]),
    ("b-2", "B2", "Piloter les ressources, le cadre juridique et la gouvernance", [
        "Construire un modèle économique et suivre un budget",
        "Choisir une forme juridique et organiser une gouvernance partagée",
        "Appliquer les normes d'accueil du public et de sécurité",
    ]),
    ("b-3", "B3", "Animer la programmation, la communauté et la communication", [
        "Conduire des ateliers de créativité",
        "Construire une programmation et animer une communauté",
        "Bâtir une stratégie de communication adaptée au lieu",
    ]),
    ("b-4", "B4", "Faciliter les coopérations et la vie du collectif", [
        "Mobiliser les parties prenantes du territoire",
        "Tenir la posture de facilitateur·rice",
        "Constituer et accueillir une communauté",
        "Prendre soin de la qualité relationnelle",
    ]),
]
SPECIFIC = [
    ("b-fab", "FAB", "Fabmanager", [
        "Organiser un atelier de fabrication numérique et sa sécurité",
        "Accompagner des projets de fabrication et transmettre les savoir-faire",
        "Gérer le parc de machines et les consommables",
    ]),
    ("b-nour", "NOUR", "Tiers-lieu nourricier", [
        "Animer un lieu de production agricole ouvert au public",
        "Organiser des circuits courts et une transformation collective",
    ]),
    ("b-cafe", "CAFE", "Café associatif", [
        "Tenir un bar associatif dans le respect des règles d'hygiène et des licences",
        "Faire du café un espace de rencontre et de programmation culturelle",
        "Organiser le bénévolat au comptoir",
    ]),
]


def blocks():
    out = []
    for kind, source in (("core", CORE), ("specific", SPECIFIC)):
        for bid, code, title, comps in source:
            stem = bid.removeprefix("b-")
            out.append({
                "id": bid, "code": code, "title": title, "kind": kind,
                "competencies": [
                    {"id": f"c-{stem}-{i}", "title": t} for i, t in enumerate(comps, 1)
                ],
            })
    return out


MODULES = [
    ("1.1", "Immersion & culture tiers-lieux", 14.0, [
        "Découvrir la diversité des tiers-lieux et leur histoire",
        "Se situer dans le réseau régional des tiers-lieux",
    ]),
    ("1.2", "Penser global, agir local", 7.0, [
        "Relier son projet aux enjeux de transition de son territoire",
    ]),
    ("1.3", "Analyse des pratiques managériales / Codéveloppement", 7.0, [
        "Pratiquer une séance de codéveloppement en six étapes",
        "Prendre du recul sur ses pratiques de pilotage",
    ]),
    ("1.4", "Documentation ou mesure d'impact social", 7.0, [
        "Choisir des indicateurs d'impact adaptés au lieu",
        "Documenter les activités de façon ouverte et réutilisable",
    ]),
    ("2.1", "Gestion des ressources et pilotage financier", 14.0, [
        "Établir un budget prévisionnel et un plan de trésorerie",
        "Identifier les financements publics et privés",
        "Suivre les indicateurs financiers du lieu",
    ]),
    ("2.2", "Juridique & gouvernance", 7.0, [
        "Comparer association, SCIC et SCOP pour porter un tiers-lieu",
        "Organiser une gouvernance partagée",
    ]),
    ("2.3", "Usages et normes", 7.0, [
        "Connaître les obligations d'un établissement recevant du public",
    ]),
    ("3.1", "Techniques de créativité", 7.0, [
        "Animer un atelier d'idéation avec des usagers",
    ]),
    ("3.2", "Construire la programmation du lieu & animer sa communauté", 7.0, [
        "Bâtir une programmation annuelle",
        "Animer une communauté d'usagers et de bénévoles",
    ]),
    ("3.3", "Stratégie de communication", 7.0, [
        "Définir ses publics et ses messages",
        "Choisir des canaux sobres et adaptés",
    ]),
    ("4.1", "Ancrage & mobilisation des parties prenantes", 7.0, [
        "Cartographier les acteurs du territoire",
        "Mobiliser élus, habitants et entreprises autour du projet",
    ]),
    ("4.2", "La place du facilitateur", 7.0, [
        "Clarifier son rôle entre direction, animation et médiation",
    ]),
    ("4.3", "Constituer & accueillir sa communauté", 14.0, [
        "Concevoir un parcours d'accueil des nouveaux usagers",
        "Faire vivre les temps collectifs du lieu",
    ]),
    ("4.4", "La qualité relationnelle", 14.0, [
        "Prévenir et accompagner les tensions dans un collectif",
        "Pratiquer l'écoute active et la communication non violente",
        "Préparer la suite du parcours et la certification",
    ]),
]


def module_id(code):
    return "m-" + code.replace(".", "-")


def modules():
    return [
        {"id": module_id(code), "code": code, "title": title, "block": f"b-{code[0]}",
         "planned_hours": hours, "objectives": objectives}
        for code, title, hours, objectives in MODULES
    ]


# ---------------------------------------------------------------- people

def person(pid, name, role, *, pronouns=None, city="", dep="", organisation="", employer="",
           job="", project=None, specialities=(), tags=(), website="", notes=(), shared=(),
           phone=None):
    out = {"id": pid, "name": name, "role": role}
    if pronouns:
        out["pronouns"] = pronouns
    out["emails"] = [pid.removeprefix("p-").replace("-", ".", 1) + "@example.org"]
    if phone:
        out["phones"] = [f"06 39 98 {phone[:2]} {phone[2:]}"]
    for key, value in (("city", city), ("departement", dep), ("organisation", organisation),
                       ("employer", employer), ("job", job)):
        if value:
            out[key] = value
    if project:
        out["project"] = {"name": project[0], "kind": project[1], "phase": project[2]}
    if specialities:
        out["specialities"] = list(specialities)
    if tags:
        out["tags"] = list(tags)
    if website:
        out["website"] = website
    if notes:
        out["notes"] = list(notes)
    order = ["email", "phone", "city", "organisation", "project", "website", "pronouns", "tags"]
    out["shared"] = sorted(shared, key=order.index)
    return out


ALL_BUT_PHONE = ("email", "city", "organisation", "project", "website", "pronouns", "tags")
EVERYTHING = ALL_BUT_PHONE + ("phone",)

TRAINEES = [
    person("p-camille-dubois", "Camille Dubois", "trainee", pronouns="elle", city="Bordeaux",
           dep="33", job="Chargée de mission ESS", phone="1201",
           project=("L'Atelier des Possibles", "shared_workshop", "creation"),
           tags=("menuiserie", "réemploi"), shared=EVERYTHING),
    person("p-malik-benali", "Malik Benali", "trainee", pronouns="il", city="Périgueux",
           dep="24", organisation="Association Le Fil Numérique", job="Médiateur numérique",
           phone="1202", project=("Le Fil Numérique", "digital", "development"),
           tags=("médiation numérique", "inclusion"), shared=("email", "phone", "city", "project")),
    person("p-ines-garnier", "Inès Garnier", "trainee", city="Mont-de-Marsan", dep="40",
           phone="1203", project=("La Grange aux Semis", "farm", "creation"),
           tags=("maraîchage", "semences paysannes"), shared=()),
    person("p-thomas-lacoste", "Thomas Lacoste", "trainee", pronouns="il", city="Pau", dep="64",
           organisation="SCIC Les Coteaux Reliés", employer="SCIC Les Coteaux Reliés",
           job="Animateur de coworking", phone="1204",
           project=("Cowork du Gave", "coworking", "development"),
           shared=("email", "organisation", "project")),
    person("p-lea-moreau", "Léa Moreau", "trainee", pronouns="elle", city="Agen", dep="47",
           phone="1205", project=("Café Pas Sage", "cafe", "creation"),
           tags=("restauration", "programmation musicale"),
           notes=(note("Reconnaissance RQTH : prévoir des salles accessibles et des pauses.",
                       confidential=True),),
           shared=("email", "phone", "project")),
    person("p-romain-delmas", "Romain Delmas", "trainee", pronouns="il", city="Limoges",
           dep="87", organisation="Fablab des Portes Ferrées", job="Fabmanager", phone="1206",
           project=("Fablab des Portes Ferrées", "fablab", "repositioning"),
           tags=("impression 3D", "découpe laser"), website="https://fablab-portes.example.org",
           shared=("email", "city", "organisation", "project", "website", "tags")),
    person("p-aurelie-chabot", "Aurélie Chabot", "trainee", pronouns="elle", city="Niort",
           dep="79", organisation="Le Quai Hybride", job="Coordinatrice", phone="1207",
           project=("Le Quai Hybride", "hybrid", "development"),
           tags=("subventions", "vie associative"),
           notes=(note("A déjà monté deux dossiers FDVA : personne ressource sur les financements."),),
           shared=EVERYTHING),
    person("p-samuel-ndiaye", "Samuel Ndiaye", "trainee", pronouns="il", city="Rochefort",
           dep="17", phone="1208", project=("MédiaLab de l'Estuaire", "medialab", "creation"),
           tags=("vidéo", "radio associative"), shared=("email", "phone")),
    person("p-claire-riviere", "Claire Rivière", "trainee", pronouns="elle", city="Angoulême",
           dep="16", employer="Commune de Val-de-Charente", job="Agente de développement local",
           phone="1209", project=("Les Jardins du Faubourg", "farm", "repositioning"),
           shared=("email", "city", "project")),
    person("p-nathan-perrin", "Nathan Perrin", "trainee", pronouns="iel", city="Poitiers",
           dep="86", phone="1210", project=("Tiers-lieu de la Gare", "hybrid", "creation"),
           notes=(note("Souhaite candidater à la certification RS5142."),),
           shared=("email", "phone", "pronouns")),
]

ALUMNI = [
    person("p-agathe-brunet", "Agathe Brunet", "trainee", city="Bergerac", dep="24",
           phone="2401", project=("La Cour Commune", "coworking", "creation"),
           shared=("email", "project")),
    person("p-bastien-roche", "Bastien Roche", "trainee", city="Dax", dep="40", phone="2402",
           project=("L'Établi du Marsan", "shared_workshop", "development"),
           shared=("email", "phone", "project")),
    person("p-chloe-vasseur", "Chloé Vasseur", "trainee", city="Saintes", dep="17",
           phone="2403", project=("Café des Quais", "cafe", "creation"), shared=("email",)),
    person("p-damien-faure", "Damien Faure", "trainee", city="Tulle", dep="19", phone="2404",
           project=("Fab'Corrèze", "fablab", "development"), shared=("email", "project")),
    person("p-elodie-marty", "Élodie Marty", "trainee", city="Villeneuve-sur-Lot", dep="47",
           phone="2405", project=("La Ferme du Pech", "farm", "repositioning"),
           shared=("email", "city", "project")),
    person("p-florian-guerin", "Florian Guérin", "trainee", city="Châtellerault", dep="86",
           phone="2406", project=("Point Numérique des Halles", "digital", "creation"),
           shared=("email",)),
    person("p-gaelle-tessier", "Gaëlle Tessier", "trainee", city="Guéret", dep="23",
           phone="2407", project=("Le Hangar Partagé", "hybrid", "creation"),
           shared=("email", "phone")),
    person("p-hugo-lemaire", "Hugo Lemaire", "trainee", city="Bressuire", dep="79",
           phone="2408", project=("La Fabrique du Bocage", "shared_workshop", "development"),
           shared=("email", "project")),
]

TRAINERS = [
    person("p-helene-marchetti", "Hélène Marchetti", "trainer", pronouns="elle",
           city="Bordeaux", dep="33", organisation="Coopérative des Tiers-Lieux Solidaires",
           job="Formatrice", phone="0101",
           specialities=("gouvernance", "codéveloppement", "parties prenantes"),
           shared=EVERYTHING),
    person("p-yannick-le-goff", "Yannick Le Goff", "trainer", pronouns="il", city="Limoges",
           dep="87", organisation="Coopérative des Tiers-Lieux Solidaires",
           job="Formateur", phone="0102", specialities=("fabmanager", "communication"),
           shared=EVERYTHING),
    person("p-sabine-roux", "Sabine Roux", "trainer", pronouns="elle", city="Niort", dep="79",
           organisation="Coopérative des Tiers-Lieux Solidaires", job="Formatrice",
           phone="0103", specialities=("financement", "modèle économique", "tiers-lieu nourricier"),
           shared=EVERYTHING),
]
HELENE, YANNICK, SABINE = (t["id"] for t in TRAINERS)

STAFF = [
    person("p-odile-ferrand", "Odile Ferrand", "staff", city="Bordeaux", dep="33",
           organisation="Coopérative des Tiers-Lieux Solidaires",
           job="Responsable administrative", phone="0100", shared=("email", "organisation")),
]
ODILE = STAFF[0]["id"]

HOSTS = [
    person("p-gilles-bonnet", "Gilles Bonnet", "host", city="Périgueux", dep="24",
           organisation="La Forge Numérique", job="Fabmanager", phone="0201",
           shared=("email", "phone", "organisation")),
    person("p-martine-ducos", "Martine Ducos", "host", city="Marmande", dep="47",
           organisation="La Ferme des Communs", job="Paysanne et cogérante", phone="0202",
           shared=("email", "phone", "organisation")),
    person("p-karim-haddad", "Karim Haddad", "host", city="Angoulême", dep="16",
           organisation="Le Comptoir Associatif", job="Coordinateur", phone="0203",
           shared=("email", "organisation")),
    person("p-sophie-lamarque", "Sophie Lamarque", "host", city="Dax", dep="40",
           organisation="L'Escale Partagée", job="Gérante", phone="0204",
           shared=("email", "phone", "organisation")),
]

VENUES = [
    {"id": "v-fablab-la-forge", "name": "La Forge Numérique", "kind": "fablab",
     "city": "Périgueux", "departement": "24", "address": "14 rue des Forgerons, 24000 Périgueux",
     "capacity": 20, "host": "p-gilles-bonnet"},
    {"id": "v-ferme-des-communs", "name": "La Ferme des Communs", "kind": "farm",
     "city": "Marmande", "departement": "47", "address": "Lieu-dit Les Communaux, 47200 Marmande",
     "capacity": 25, "host": "p-martine-ducos"},
    {"id": "v-cafe-le-comptoir", "name": "Le Comptoir Associatif", "kind": "cafe",
     "city": "Angoulême", "departement": "16", "address": "3 place des Tisserands, 16000 Angoulême",
     "capacity": 18, "host": "p-karim-haddad"},
    {"id": "v-coworking-l-escale", "name": "L'Escale Partagée", "kind": "coworking",
     "city": "Dax", "departement": "40", "address": "27 avenue des Sources, 40100 Dax",
     "capacity": 30, "host": "p-sophie-lamarque"},
]
FORGE, FERME, COMPTOIR, ESCALE = (v["id"] for v in VENUES)

# ---------------------------------------------------------------- seminars and marks


def half_days(prefix, number, first_day, second_day, trainer, trainees, special, changes):
    """Four half-days; those before TODAY carry a mark per trainee and the trainer's signature."""
    out = []
    for day_no, day in enumerate((first_day, second_day), 1):
        for period, start, end, tag in (MORNING, AFTERNOON):
            hid = f"h-{prefix}-{number:02}-{day_no}{tag}"
            half = {"id": hid, "date": day, "period": period, "start": start, "end": end}
            if dt.date.fromisoformat(day) < TODAY:
                marks = []
                for i, trainee in enumerate(trainees):
                    mark = {"trainee": trainee, "status": "present"}
                    mark.update(special.get((hid, trainee), {}))
                    mark["by"] = trainer
                    mark["at"] = utc(day, plus_minutes(start, 5 + i // 4))
                    marks.append(mark)
                half["marks"] = marks
                half["signature"] = {"by": trainer, "at": utc(day, plus_minutes(end, 5))}
                if hid in changes:
                    half["history"] = changes[hid]
            out.append(half)
    return out


NA26 = [t["id"] for t in TRAINEES]
NA24 = [t["id"] for t in ALUMNI]

# Departures from "present", keyed by (half-day, trainee): every status and time a sheet shows.
SPECIAL_NA26 = {
    ("h-na26-02-1am", "p-malik-benali"): {
        "status": "late", "time": "09:40:00", "remark": "Train régional supprimé"},
    ("h-na26-04-2pm", "p-lea-moreau"): {
        "status": "left_early", "time": "16:15:00", "remark": "Rendez-vous médical"},
    ("h-na26-05-1am", "p-ines-garnier"): {
        "status": "excused", "reason": "Arrêt maladie, justificatif transmis"},
    ("h-na26-05-1pm", "p-ines-garnier"): {
        "status": "excused", "reason": "Arrêt maladie, justificatif transmis"},
    ("h-na26-03-2pm", "p-thomas-lacoste"): {
        "status": "excused", "reason": "Convocation au conseil d'administration de la SCIC",
        "remark": "Justificatif reçu après la signature"},
    ("h-na26-06-1am", "p-romain-delmas"): {"status": "absent"},
    ("h-na26-06-1pm", "p-romain-delmas"): {"status": "absent"},
    ("h-na26-07-1am", "p-samuel-ndiaye"): {
        "status": "late", "time": "09:25:00"},
}
CHANGES_NA26 = {
    "h-na26-03-2pm": [{
        "trainee": "p-thomas-lacoste", "by": SABINE, "at": utc("2026-05-22", "10:12:00"),
        "from": "absent", "to": "excused",
        "reason": "Justificatif de convocation reçu le 22 mai",
    }],
}
SPECIAL_NA24 = {
    ("h-na24-01-2am", "p-hugo-lemaire"): {"status": "late", "time": "09:30:00"},
    ("h-na24-02-2pm", "p-gaelle-tessier"): {
        "status": "excused", "reason": "Enfant malade, certificat fourni"},
}

# (number, first day, second day, modules, venue, trainer)
PLAN_NA26 = [
    (1, "2026-03-10", "2026-03-11", ["1.1"], ESCALE, HELENE),
    (2, "2026-04-14", "2026-04-15", ["1.2", "4.1"], FERME, SABINE),
    (3, "2026-05-19", "2026-05-20", ["2.1"], COMPTOIR, SABINE),
    (4, "2026-06-18", "2026-06-19", ["3.1", "3.2"], FORGE, YANNICK),
    (5, "2026-09-15", "2026-09-16", ["2.2", "2.3"], ESCALE, HELENE),
    (6, "2026-10-15", "2026-10-16", ["1.3", "4.2"], FERME, HELENE),
    (7, "2026-11-17", "2026-11-18", ["3.3", "1.4"], FORGE, YANNICK),
    (8, "2026-12-08", "2026-12-09", ["4.3"], COMPTOIR, SABINE),
    (9, "2027-01-19", "2027-01-20", ["4.4"], ESCALE, HELENE),
]
PLAN_NA24 = [
    (1, "2024-03-12", "2024-03-13", ["1.1"], FORGE, YANNICK),
    (2, "2024-04-09", "2024-04-10", ["1.2", "4.1"], FERME, SABINE),
]


def seminars(prefix, plan, trainees, special, changes):
    return [
        {"id": f"s-{prefix}-{n:02}", "modules": [module_id(c) for c in codes], "venue": venue,
         "trainer": trainer,
         "half_days": half_days(prefix, n, d1, d2, trainer, trainees, special, changes)}
        for n, d1, d2, codes, venue, trainer in plan
    ]


# ---------------------------------------------------------------- the circle

def knowledge(kid, who, kind, title, topic, text=None):
    out = {"id": kid, "person": who, "kind": kind, "title": title, "topic": topic}
    if text:
        out["note"] = note(text)
    return out


def mod(code):
    return {"module": module_id(code)}


def block(bid):
    return {"block": bid}


KNOWLEDGE_NA26 = [
    knowledge("k-na26-01", "p-romain-delmas", "offer", "Prise en main de la découpeuse laser",
              block("b-fab"), "Une demi-journée à Limoges, matériaux fournis."),
    knowledge("k-na26-02", "p-aurelie-chabot", "offer", "Monter un dossier FDVA", mod("2.1")),
    knowledge("k-na26-03", "p-thomas-lacoste", "offer", "Animer une communauté de coworkers",
              mod("3.2")),
    knowledge("k-na26-04", "p-lea-moreau", "offer", "Licences de débit de boissons et hygiène",
              block("b-cafe")),
    knowledge("k-na26-05", "p-malik-benali", "offer", "Accompagner les démarches en ligne",
              mod("2.3")),
    knowledge("k-na26-06", "p-ines-garnier", "request",
              "Trouver des subventions de fonctionnement", mod("2.1")),
    knowledge("k-na26-07", "p-camille-dubois", "request", "Rédiger les statuts d'une SCIC",
              mod("2.2")),
    knowledge("k-na26-08", "p-nathan-perrin", "request", "Mesurer l'impact social d'un lieu",
              mod("1.4")),
    knowledge("k-na26-09", "p-samuel-ndiaye", "request", "Tourner une vidéo de présentation",
              mod("3.3")),
    knowledge("k-na26-10", "p-claire-riviere", "request", "Organiser une vente en circuit court",
              block("b-nour")),
]
EXCHANGES_NA26 = [
    {"id": "e-na26-01", "offer": "k-na26-02", "request": "k-na26-06",
     "people": ["p-aurelie-chabot", "p-ines-garnier"], "format": "one_to_one",
     "date": "2026-10-15",
     "evaluation": {"useful": True,
                    "note": note("Inès a déposé sa demande FDVA début novembre.")}},
    {"id": "e-na26-02", "offer": "k-na26-01",
     "people": ["p-romain-delmas", "p-camille-dubois", "p-malik-benali", "p-samuel-ndiaye"],
     "format": "one_to_many", "date": "2026-11-18"},
]


def transition(by, at, frm, to, reason=None):
    out = {"by": by, "at": at, "from": frm, "to": to}
    if reason:
        out["reason"] = reason
    return out


TUTOR_REQUESTS_NA26 = [
    {"id": "tr-na26-01", "trainee": "p-camille-dubois", "subject": "Relecture des statuts de SCIC",
     "topic": mod("2.2"),
     "description": "Premier jet des statuts prêt ; besoin d'un regard sur les collèges de vote.",
     "urgency": "normal", "format": "video", "windows": ["mardis après-midi"],
     "created": utc("2026-10-20", "18:30:00"), "status": "done", "tutor": HELENE,
     "session": {"date": "2026-11-05", "time": "14:00:00", "place": "Visio", "format": "video"},
     "outcome": {"summary": "Collèges de vote revus ; la part des salariés est à préciser.",
                 "next_steps": "Envoyer la version 2 avant le séminaire de décembre."},
     "history": [
         transition(HELENE, utc("2026-10-21", "09:10:00"), "open", "accepted"),
         transition(HELENE, utc("2026-10-21", "09:15:00"), "accepted", "scheduled"),
         transition(HELENE, utc("2026-11-05", "15:20:00"), "scheduled", "done"),
     ]},
    {"id": "tr-na26-02", "trainee": "p-romain-delmas",
     "subject": "Repositionner le fablab auprès des entreprises", "topic": block("b-fab"),
     "description": "Le fablab perd ses adhérents ; piste d'une offre de prototypage pour les PME.",
     "urgency": "urgent", "format": "visit", "windows": ["début décembre"],
     "created": utc("2026-11-19", "08:00:00"), "status": "scheduled", "tutor": YANNICK,
     "session": {"date": "2026-12-03", "time": "10:00:00",
                 "place": "Fablab des Portes Ferrées, Limoges", "format": "visit"},
     "history": [
         transition(YANNICK, utc("2026-11-19", "12:40:00"), "open", "accepted"),
         transition(YANNICK, utc("2026-11-20", "17:05:00"), "accepted", "scheduled"),
     ]},
    {"id": "tr-na26-03", "trainee": "p-lea-moreau", "subject": "Budget prévisionnel du café",
     "topic": mod("2.1"), "description": "Vérifier les hypothèses de chiffre d'affaires du bar.",
     "urgency": "normal", "format": "call", "created": utc("2026-11-23", "20:45:00"),
     "status": "accepted", "tutor": SABINE,
     "history": [transition(SABINE, utc("2026-11-24", "09:30:00"), "open", "accepted")]},
    {"id": "tr-na26-04", "trainee": "p-nathan-perrin", "subject": "Mobiliser la mairie",
     "topic": mod("4.1"),
     "description": "Rencontre avec l'adjointe à la vie associative en janvier : comment la préparer ?",
     "urgency": "low", "format": "call", "windows": ["lundis", "vendredis matin"],
     "created": utc("2026-11-26", "11:00:00"), "status": "open", "history": []},
    {"id": "tr-na26-05", "trainee": "p-ines-garnier", "subject": "Dimensionner le potager partagé",
     "topic": block("b-nour"),
     "description": "Combien de parcelles pour combien de foyers ? Le conseil municipal vote en décembre.",
     "urgency": "urgent", "format": "visit", "windows": ["mercredis"],
     "created": utc("2026-11-22", "10:00:00"), "status": "open", "history": []},
    {"id": "tr-na26-06", "trainee": "p-thomas-lacoste", "subject": "Gouvernance partagée du cowork",
     "topic": mod("2.2"),
     "description": "Passer d'une gérance seule à un comité de coworkers : par où commencer ?",
     "urgency": "normal", "format": "video", "created": utc("2026-11-10", "14:00:00"),
     "status": "deferred", "deferred_to": "2026-12-09",
     "history": [
         transition(HELENE, utc("2026-11-12", "10:00:00"), "open", "deferred",
                    "Le séminaire du 8 décembre traite de la gouvernance : en reparler après."),
     ]},
    {"id": "tr-na26-07", "trainee": "p-samuel-ndiaye",
     "subject": "Droit à l'image pour les ateliers vidéo", "topic": mod("2.3"),
     "description": "Autorisations à faire signer aux participants mineurs.",
     "urgency": "low", "format": "call", "created": utc("2026-11-02", "09:00:00"),
     "status": "declined",
     "history": [
         transition(SABINE, utc("2026-11-04", "11:00:00"), "open", "declined",
                    "Question juridique précise : le juriste du réseau régional répondra mieux ; je transmets son contact."),
     ]},
    {"id": "tr-na26-08", "trainee": "p-lea-moreau", "subject": "Hypothèses de recettes du bar",
     "topic": mod("2.1"), "description": "Le même budget, vu côté recettes.",
     "urgency": "normal", "format": "call", "created": utc("2026-11-24", "18:00:00"),
     "status": "duplicate", "duplicate_of": "tr-na26-03",
     "history": [
         transition(SABINE, utc("2026-11-25", "08:30:00"), "open", "duplicate",
                    "Même demande que « Budget prévisionnel du café », déjà acceptée."),
     ]},
    {"id": "tr-na26-09", "trainee": "p-malik-benali",
     "subject": "Plan de communication du Fil Numérique", "topic": mod("3.3"),
     "description": "Annoncer les permanences numériques aux habitants de plus de 60 ans.",
     "urgency": "normal", "format": "visit", "created": utc("2026-11-03", "11:00:00"),
     "status": "cancelled", "tutor": YANNICK,
     "session": {"date": "2026-11-18", "time": "14:00:00",
                 "place": "Le Fil Numérique, Périgueux", "format": "visit"},
     "history": [
         transition(YANNICK, utc("2026-11-04", "09:00:00"), "open", "accepted"),
         transition(YANNICK, utc("2026-11-04", "09:05:00"), "accepted", "scheduled"),
         transition("p-malik-benali", utc("2026-11-16", "19:00:00"), "scheduled", "cancelled",
                    "Local fermé pour travaux ; je redemanderai en janvier."),
     ]},
]

FUNDING_NA26 = [
    ("p-camille-dubois", "opco", 3500, "granted"),
    ("p-malik-benali", "opco", 3500, "paid"),
    ("p-ines-garnier", "france_travail", 3500, "granted"),
    ("p-thomas-lacoste", "employer", 3500, "paid"),
    ("p-lea-moreau", "france_travail", 2500, "granted"),
    ("p-lea-moreau", "self_funded", 1000, "paid"),
    ("p-romain-delmas", "opco", 3500, "requested"),
    ("p-aurelie-chabot", "opco", 3500, "paid"),
    ("p-samuel-ndiaye", "other", 3500, "granted"),
    ("p-claire-riviere", "employer", 3500, "granted"),
    ("p-nathan-perrin", "self_funded", 3500, "requested"),
]


def funding(rows):
    return [{"trainee": t, "source": s, "amount_eur": a, "status": st} for t, s, a, st in rows]


def cohort_na26():
    return {
        "id": "c-na-2026", "name": "Nouvelle-Aquitaine 2026", "start": "2026-03-10",
        "end": "2027-01-20", "price_eur": 3500, "trainees": NA26,
        "trainers": [HELENE, YANNICK, SABINE],
        "seminars": seminars("na26", PLAN_NA26, NA26, SPECIAL_NA26, CHANGES_NA26),
        "knowledge": KNOWLEDGE_NA26, "exchanges": EXCHANGES_NA26,
        "tutor_requests": TUTOR_REQUESTS_NA26, "funding": funding(FUNDING_NA26),
        "candidacies": [
            {"trainee": "p-nathan-perrin", "status": "applying", "since": "2026-10-16"},
            {"trainee": "p-aurelie-chabot", "status": "submitted", "since": "2026-11-12"},
            {"trainee": "p-romain-delmas", "status": "not_applying"},
        ],
        "assessments": [
            {"trainee": "p-romain-delmas", "competency": "c-fab-1", "level": "acquired",
             "evidence": [note("Anime seul les ateliers sécurité du fablab depuis 2024.")]},
            {"trainee": "p-camille-dubois", "competency": "c-2-2", "level": "in_progress",
             "evidence": [note("Statuts de SCIC en cours, relus en tutorat le 5 novembre.")]},
            {"trainee": "p-aurelie-chabot", "competency": "c-2-1", "level": "acquired"},
            {"trainee": "p-ines-garnier", "competency": "c-nour-1", "level": "not_started"},
        ],
        "follow_ups": [
            {"id": "f-na26-01", "trainee": "p-romain-delmas", "by": ODILE,
             "at": utc("2026-10-19", "10:30:00"), "channel": "phone",
             "outcome": note("Deux demi-journées manquées le 15 octobre : souci de garde "
                             "d'enfant ponctuel. Présent au séminaire de novembre.")},
        ],
    }


def cohort_na24():
    return {
        "id": "c-na-2024", "name": "Nouvelle-Aquitaine 2024", "start": "2024-03-12",
        "end": "2025-01-24", "price_eur": 3500, "trainees": NA24, "trainers": [YANNICK, SABINE],
        "seminars": seminars("na24", PLAN_NA24, NA24, SPECIAL_NA24, {}),
        "funding": funding([(t, "opco", 3500, "paid") for t in NA24]),
        "candidacies": [
            {"trainee": "p-agathe-brunet", "status": "certified", "since": "2025-03-20"},
            {"trainee": "p-damien-faure", "status": "not_certified", "since": "2025-03-20"},
        ],
    }


def sample():
    return {
        "schema_version": 2,
        "programme": {
            "id": "pg-facilitateur", "title": "Facilitateur·rice de tiers-lieux",
            "provider": "Coopérative des Tiers-Lieux Solidaires",
            "certification": {"code": "RS5142", "title": "Piloter un tiers-lieu"},
            "blocks": blocks(), "modules": modules(),
        },
        # Fictional numbers that pass the checks (11-digit NDA, 14-digit SIRET passing Luhn).
        "organisation": {
            "name": "SCIC Coopérative des Tiers-Lieux Solidaires",
            "nda": "75330987633", "nda_region": "Nouvelle-Aquitaine",
            "siret": "91234567800011",
            "address": "12 rue des Communs, 33800 Bordeaux",
            "representative": {"name": "Roseline Lefèvre", "title": "Présidente"},
            "city": "Bordeaux", "qualiopi": "QUALIOPI-2024-0042",
        },
        "people": TRAINEES + ALUMNI + TRAINERS + STAFF + HOSTS,
        "venues": VENUES,
        "cohorts": [cohort_na24(), cohort_na26()],
        "current_cohort": "c-na-2026",
    }


if __name__ == "__main__":
    path = pathlib.Path("assets/sample-cohort.json")
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(sample(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")
