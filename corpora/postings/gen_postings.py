#!/usr/bin/env python3
"""Generate the DEMO job-postings corpus `demo_offers.jsonl` for Passerelle.

Every record has the shape of a France Travail "Offres d'emploi v2" search result
(`resultats[]` item), but ALL TEXT IS SYNTHETIC: company names are invented and the
descriptions are assembled from templates written for this project.  Only facts are
real: ROME 4.0 codes, their labels and item labels (code_ogr), INSEE commune codes,
postcodes and approximate coordinates.

Standard library only, fixed seed, no clock, no network, no file read:
    python3 corpora/postings/gen_postings.py            # writes demo_offers.jsonl next to this file
    python3 corpora/postings/gen_postings.py -o out.jsonl
Running it twice produces byte-identical output.
"""
import argparse
import json
import os
import random
import re

SEED = 20260914
N_POSTINGS = 1500
NON_DIGITAL_SHARE = 0.08
DATE_START = (2026, 6, 1)
DATE_END = (2026, 11, 20)

# ---------------------------------------------------------------------------
# Régions: code -> (name, weight for digital postings, weight for non-digital postings)
# ---------------------------------------------------------------------------
REGIONS = {
    "11": ("Île-de-France", 35.0, 19.0),
    "84": ("Auvergne-Rhône-Alpes", 12.0, 12.5),
    "76": ("Occitanie", 8.0, 9.0),
    "75": ("Nouvelle-Aquitaine", 7.0, 9.0),
    "93": ("Provence-Alpes-Côte d'Azur", 7.0, 8.0),
    "32": ("Hauts-de-France", 6.0, 9.0),
    "52": ("Pays de la Loire", 5.0, 6.0),
    "44": ("Grand Est", 5.0, 8.0),
    "53": ("Bretagne", 4.0, 5.0),
    "28": ("Normandie", 3.0, 5.0),
    "24": ("Centre-Val de Loire", 2.2, 4.0),
    "27": ("Bourgogne-Franche-Comté", 2.2, 4.0),
    "94": ("Corse", 0.6, 0.8),
    "01": ("Guadeloupe", 0.7, 0.8),
    "02": ("Martinique", 0.6, 0.7),
    "03": ("Guyane", 0.4, 0.5),
    "04": ("La Réunion", 1.0, 1.3),
    "06": ("Mayotte", 0.3, 0.4),
}

DEPT_NAMES = {
    "75": "Paris", "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne",
    "91": "Essonne", "78": "Yvelines", "95": "Val-d'Oise", "77": "Seine-et-Marne",
    "69": "Rhône", "38": "Isère", "63": "Puy-de-Dôme", "42": "Loire", "74": "Haute-Savoie",
    "73": "Savoie", "26": "Drôme", "31": "Haute-Garonne", "34": "Hérault", "30": "Gard",
    "66": "Pyrénées-Orientales", "81": "Tarn", "65": "Hautes-Pyrénées", "33": "Gironde",
    "87": "Haute-Vienne", "86": "Vienne", "17": "Charente-Maritime", "64": "Pyrénées-Atlantiques",
    "79": "Deux-Sèvres", "13": "Bouches-du-Rhône", "06": "Alpes-Maritimes", "83": "Var",
    "84": "Vaucluse", "59": "Nord", "80": "Somme", "62": "Pas-de-Calais", "60": "Oise",
    "44": "Loire-Atlantique", "49": "Maine-et-Loire", "72": "Sarthe", "85": "Vendée",
    "53": "Mayenne", "67": "Bas-Rhin", "57": "Moselle", "54": "Meurthe-et-Moselle",
    "51": "Marne", "68": "Haut-Rhin", "10": "Aube", "35": "Ille-et-Vilaine", "29": "Finistère",
    "22": "Côtes-d'Armor", "56": "Morbihan", "76": "Seine-Maritime", "14": "Calvados",
    "50": "Manche", "27": "Eure", "61": "Orne", "21": "Côte-d'Or", "25": "Doubs",
    "90": "Territoire de Belfort", "71": "Saône-et-Loire", "89": "Yonne", "37": "Indre-et-Loire",
    "45": "Loiret", "18": "Cher", "41": "Loir-et-Cher", "28": "Eure-et-Loir", "36": "Indre",
    "2A": "Corse-du-Sud", "2B": "Haute-Corse", "971": "Guadeloupe", "972": "Martinique",
    "973": "Guyane", "974": "La Réunion", "976": "Mayotte",
}

ROME_LABELS = {
    "M1855": "Développeur / Développeuse web",
    "M1805": "Développeur / Développeuse informatique",
    "M1861": "Développeur / Développeuse logiciel ou d'application",
    "M1818": "Ingénieur / Ingénieure d'étude informatique",
    "M1892": "Ingénieur / Ingénieure en informatique embarquée",
    "I1404": "Conseiller / Conseillère support technique informatique",
    "I1401": "Technicien / Technicienne de maintenance en informatique",
    "M1810": "Technicien / Technicienne d'exploitation informatique",
    "M1869": "Gestionnaire de parc informatique",
    "M1801": "Administrateur / Administratrice de systèmes d'information (SI)",
    "M1854": "Administrateur / Administratrice réseau informatique",
    "M1822": "Ingénieur / Ingénieure systèmes et réseaux informatiques",
    "M1816": "Technicien / Technicienne réseaux informatiques et télécoms",
    "I1311": "Technicien / Technicienne installation réseaux câblés fibre optique",
    "I1315": "Monteur raccordeur / Monteuse raccordeuse fibre optique",
    "M1827": "Ingénieur / Ingénieure DevOps",
    "M1860": "Architecte cloud",
    "M1876": "Technicien / Technicienne Cloud",
    "M1879": "Ingénieur / Ingénieure Cloud computing",
    "M1419": "Data analyst",
    "M1811": "Data engineer",
    "M1405": "Data scientist",
    "M1889": "Ingénieur / Ingénieure en Intelligence Artificielle (IA)",
    "M1824": "Développeur / Développeuse décisionnel - Business Intelligence",
    "M1851": "Analyste décisionnel - Business Intelligence",
    "M1883": "Analyste SOC (Security Operations Center)",
    "M1844": "Analyste en cybersécurité",
    "M1856": "Expert / Experte en cybersécurité",
    "M1819": "Ingénieur / Ingénieure sécurité informatique",
    "M1812": "Responsable de la Sécurité des Systèmes d'Information (RSSI)",
    "M1866": "Pentesteur / Pentesteuse",
    "M1886": "Chef / Cheffe de projet Web",
    "M1853": "Chef / Cheffe de projet étude et développement informatique",
    "M1828": "Chef de projet / Cheffe de projet (Project Management Officer)",
    "M1864": "Product Owner",
    "M1814": "Scrum Master",
    "E1206": "UX - UI Designer",
    "E1210": "Web designer",
    "E1101": "Community manager",
    "M1718": "Chargé / Chargée de marketing digital",
    "E1405": "Référenceur / Référenceuse web",
    "M1815": "Spécialiste test et validation logiciel ou application",
    "G1238": "Animateur / Animatrice d'atelier multimédia",
    "M1894": "Gestionnaire de base de données",
    "M1806": "Consultant fonctionnel / Consultante fonctionnelle des systèmes d'information",
    "M1813": "Intégrateur / Intégratrice logiciels métiers",
    "D1214": "Vendeur / Vendeuse en prêt-à-porter",
    "D1505": "Hôte / Hôtesse de caisse",
    "J1506": "Infirmier / Infirmière en soins généraux (IDE)",
    "J1501": "Aide-soignant / Aide-soignante",
    "N1103": "Préparateur / Préparatrice de commandes",
    "F1703": "Maçon / Maçonne",
    "G1602": "Commis / Commise de cuisine",
    "M1203": "Comptable",
    "M1607": "Secrétaire",
    "N4101": "Conducteur / Conductrice de poids lourd",
    "F1602": "Electricien / Electricienne du bâtiment",
    "I1604": "Mécanicien / Mécanicienne automobile",
}

QUALIFICATIONS = {
    "1": "Manœuvre", "2": "Ouvrier spécialisé", "3": "Ouvrier qualifié (P1,P2)",
    "4": "Ouvrier qualifié (P3,P4,OHQ)", "5": "Employé non qualifié", "6": "Employé qualifié",
    "7": "Technicien", "8": "Agent de maîtrise", "9": "Cadre",
}

# Savoir-être labels as France Travail lists them; the descriptions are written for this corpus.
QUALITES = {
    "autonomie": ("Faire preuve d'autonomie", "Savoir avancer seul sur ses tâches, prendre des initiatives adaptées et solliciter l'équipe au bon moment."),
    "rigueur": ("Faire preuve de rigueur et de précision", "Travailler avec méthode, vérifier ce que l'on livre et respecter les procédures et les consignes."),
    "equipe": ("Avoir l'esprit d'équipe", "Partager l'information, s'entraider et contribuer aux objectifs communs avec ses collègues."),
    "priorites": ("Organiser son travail selon les priorités et les objectifs", "Planifier ses activités, tenir les échéances et arbitrer entre les demandes urgentes et importantes."),
    "ecoute": ("Etre à l'écoute, faire preuve d'empathie", "Comprendre le besoin de son interlocuteur et adapter sa réponse à sa situation."),
    "reactivite": ("Faire preuve de réactivité", "Intervenir rapidement face à un imprévu ou à une demande et proposer une solution sans attendre."),
    "service": ("Avoir le sens du service", "Chercher à satisfaire les utilisateurs et les clients et assurer le suivi de leurs demandes."),
    "changement": ("Etre ouvert aux changements", "S'adapter aux nouveaux outils, aux nouvelles organisations et aux évolutions du métier."),
    "proposition": ("Etre force de proposition", "Suggérer des améliorations et partager ses idées pour faire évoluer les pratiques."),
    "curiosite": ("Faire preuve de curiosité, d'ouverture d'esprit", "S'intéresser aux nouveautés, apprendre en continu et accueillir d'autres points de vue."),
    "creativite": ("Faire preuve de créativité, d'inventivité", "Imaginer des solutions originales et les rendre concrètes."),
    "leadership": ("Faire preuve de leadership", "Fédérer un groupe autour d'un objectif et donner une direction claire."),
    "responsabilites": ("Faire preuve de sens des responsabilités", "Assumer ses engagements et les conséquences de ses choix."),
    "persev": ("Faire preuve de persévérance", "Garder le cap face aux difficultés et mener ses tâches jusqu'au bout."),
}

# ---------------------------------------------------------------------------
# Invented company names
# ---------------------------------------------------------------------------
NAME_A = ["Nexa", "Data", "Pixel", "Octo", "Cyber", "Néo", "Alti", "Quadri", "Sol", "Kerv", "Lumi", "Vert",
          "Axio", "Boréa", "Cali", "Dyna", "Eolis", "Fluxi", "Gali", "Hélio", "Iroko", "Jade", "Kalis",
          "Linéo", "Mistral", "Nova", "Orbi", "Praxi", "Quanti", "Rivo", "Sémaph", "Téléa", "Ubi", "Vallis",
          "Wéo", "Xylo", "Yséa", "Zéphy", "Armor", "Calanque", "Garonne", "Loire", "Rhôna", "Alpin", "Ouessa", "Caraïb"]
NAME_B = ["lis", "via", "lune", "gone", "web", "tek", "soft", "logic", "data", "net", "cloud", "sys", "digit",
          "code", "matic", "link", "ware", "mind", "scope", "nova", "lab", "ops", "line", "sphère", "core", "pulse"]
NAME_FORMS = ["{n}", "{n}", "{n}", "{n} SAS", "{n} Conseil", "Groupe {n}", "{n} Technologies", "{n} Solutions",
              "{n} Digital", "{n} Informatique", "{n} & Associés", "{n} Services", "Studio {n}", "{n} France"]
PUBLIC_FORMS = ["Communauté d'agglomération du Val d'{p}", "Syndicat numérique du pays de {p}",
                "Centre hospitalier des {p}", "Association {p} Solidaire", "Régie numérique {p}"]
PUBLIC_P = ["Orbe", "Aulnes", "Tilleuls", "Brenne", "Vallon", "Marais", "Serein", "Coteaux", "Hautes Terres", "Lac Vert"]

# ---------------------------------------------------------------------------
# Shared text banks
# ---------------------------------------------------------------------------
INTROS = {
    "esn": [
        "{co} est une entreprise de services du numérique de {n} collaborateurs qui accompagne ses clients dans la conception et l'exploitation de leurs systèmes d'information.",
        "Implantée à {city} depuis {year}, {co} intervient auprès de grands comptes de la banque, de l'assurance et de l'industrie.",
        "ESN à taille humaine, {co} réunit {n} consultants autour de projets de développement, d'infrastructure et de data.",
        "Chez {co}, nous construisons avec nos clients des plateformes robustes, de la première maquette jusqu'au run.",
        "{co} accompagne depuis plus de {age} ans la transformation numérique des entreprises et des collectivités de la région.",
    ],
    "editeur": [
        "{co} édite une solution SaaS de gestion utilisée par plus de {k} 000 entreprises en France et en Europe.",
        "Éditeur de logiciels en forte croissance, {co} développe une plateforme de pilotage destinée aux PME.",
        "{co} conçoit des logiciels métiers pour le secteur {sector}; notre produit phare tourne sur une architecture Java / Angular hébergée chez OVHcloud.",
        "Start-up fondée en {year}, {co} a levé {m} millions d'euros pour accélérer le développement de son application.",
        "Notre application, développée en Kotlin et en TypeScript, est utilisée chaque jour par des milliers de professionnels du {sector}.",
    ],
    "groupe": [
        "Acteur majeur du secteur {sector}, {co} compte {n} salariés et poursuit la modernisation de son système d'information.",
        "La direction des systèmes d'information de {co} recrute pour renforcer ses équipes basées à {city}.",
        "Au sein de la DSI de {co}, vous rejoignez une équipe de {t} personnes qui fait vivre les applications utilisées par les métiers.",
        "{co}, groupe {sector} présent dans {k} pays, investit fortement dans le cloud, la data et la cybersécurité.",
    ],
    "agence": [
        "{co} est une agence web créée en {year} qui conçoit des sites, des boutiques en ligne et des applications pour des marques régionales.",
        "Agence digitale de {t} personnes, {co} accompagne ses clients sur leur stratégie, leur design et leur développement.",
        "Studio créatif et technique, {co} réalise des expériences web sur mesure, du design à la mise en ligne.",
    ],
    "public": [
        "{co} porte le déploiement des services numériques auprès des habitants de son territoire.",
        "Établissement public de {n} agents, {co} modernise ses outils et renforce sa direction du numérique.",
        "{co} agit pour l'inclusion numérique et l'accès de tous aux droits et aux services en ligne.",
    ],
    "industrie": [
        "{co} conçoit et fabrique des équipements électroniques pour l'aéronautique, le spatial et la défense.",
        "Équipementier reconnu, {co} développe des systèmes embarqués pour l'automobile et le ferroviaire.",
        "{co} est un industriel de {n} salariés spécialisé dans les objets connectés et les capteurs intelligents.",
    ],
    "telecom": [
        "{co} est un opérateur d'infrastructures qui déploie et exploite des réseaux très haut débit sur plusieurs départements.",
        "Sous-traitant des principaux opérateurs, {co} réalise le raccordement et la maintenance des réseaux fibre optique.",
        "{co} intègre des solutions de téléphonie, de réseau et de sécurité pour les entreprises de la région.",
    ],
    "retail": [
        "{co} est une enseigne de distribution qui réalise désormais {k}0 % de son chiffre d'affaires en ligne.",
        "Pure player du e-commerce, {co} livre chaque jour des milliers de colis partout en France.",
    ],
    "cyber": [
        "{co} est un cabinet spécialisé en cybersécurité, qualifié par l'ANSSI, qui protège des opérateurs d'importance vitale.",
        "Notre centre opérationnel de sécurité surveille 24h/24 les systèmes d'information de plus de {k}0 clients.",
        "{co} accompagne les entreprises et les collectivités dans la sécurisation de leurs systèmes, de l'audit à la réponse à incident.",
    ],
}
SECTORS = ["bancaire", "de l'assurance", "de la santé", "du transport", "de l'énergie", "agroalimentaire",
           "du BTP", "de la distribution", "de l'immobilier", "de l'éducation", "du tourisme", "de la logistique"]

BENEFITS = [
    "Télétravail jusqu'à {d} jours par semaine.", "RTT, tickets restaurant et mutuelle prise en charge à {p} %.",
    "Prime de participation et d'intéressement.", "Budget formation et passage de certifications (AWS, Azure, Scrum...).",
    "Ordinateur portable au choix (Mac ou PC) et deuxième écran pour le télétravail.",
    "Locaux neufs à deux pas du tramway, salle de sport et terrasse.", "Forfait mobilités durables et parking vélo.",
    "13e mois et prime vacances.", "Horaires flexibles, pas de réunion le vendredi après-midi.",
    "Une communauté technique active : meetups internes, conférences, journées hackathon.",
    "Accompagnement personnalisé par un mentor pendant les premiers mois.",
    "Chèques vacances, CSE et carte Swile.", "Possibilité d'évolution rapide vers des fonctions d'expertise ou de management.",
]
SALARIES = {
    "9": [(38, 65)], "8": [(30, 42)], "7": [(24, 36)], "6": [(21, 28)], "5": [(20, 23)], "3": [(21, 27)], "2": [(20, 24)],
}

REQ_FORMS = [
    "Maîtrise indispensable de {x}.", "Vous maîtrisez {x}.", "Une bonne connaissance de {x} est exigée.",
    "Compétences attendues : {x}.", "Expérience significative sur {x} requise.", "Vous êtes à l'aise avec {x}.",
    "Vous avez une solide pratique de {x}.", "Indispensable : {x}.",
]
NICE_FORMS = [
    "{X} serait un plus.", "Idéalement, vous avez déjà travaillé avec {x}.", "Une première expérience sur {x} est appréciée.",
    "La connaissance de {x} est un atout.", "Des notions de {x} seraient appréciées.", "Bonus : {x}.",
    "Vous avez envie de monter en compétences sur {x} ? Nous vous accompagnons.", "{X} : souhaité.",
]
SOFT = {
    "autonomie": ["Vous êtes autonome et savez organiser votre travail.", "Autonomie et sens de l'initiative sont attendus.", "Vous savez travailler en autonomie, y compris en télétravail."],
    "rigueur": ["Rigueur et méthode vous caractérisent.", "Vous êtes rigoureux·se et attentif·ve aux détails.", "Votre rigueur est reconnue par vos collègues."],
    "equipe": ["Le travail en équipe et le partage de connaissances vous motivent.", "L'esprit d'équipe est essentiel dans notre organisation.", "Vous appréciez le travail collaboratif."],
    "communication": ["Vous avez un bon relationnel et savez vulgariser.", "Aisance à l'oral et à l'écrit.", "Vous communiquez clairement avec des interlocuteurs non techniques."],
    "curiosite": ["Curieux·se, vous assurez une veille régulière sur votre domaine.", "Votre curiosité vous pousse à tester de nouveaux outils.", "Vous aimez apprendre et partager vos découvertes."],
    "service": ["Vous avez le sens du service et de la satisfaction utilisateur.", "Patience et pédagogie auprès des utilisateurs sont indispensables."],
    "reactivite": ["Réactif·ve, vous savez gérer les priorités en situation d'urgence.", "Vous gardez votre calme face aux incidents."],
    "proposition": ["Vous êtes force de proposition.", "Vous aimez proposer des améliorations."],
    "creativite": ["Créatif·ve, vous avez l'œil pour le détail visuel.", "Votre créativité s'exprime dans chaque projet."],
}
SOFT_TO_QUALITE = {"autonomie": "autonomie", "rigueur": "rigueur", "equipe": "equipe", "communication": "ecoute",
                   "curiosite": "curiosite", "service": "service", "reactivite": "reactivite",
                   "proposition": "proposition", "creativite": "creativite"}

HEAD_MISSIONS = ["Vos missions :", "Missions principales :", "Le poste", "Votre quotidien :", "Description du poste :", "Vos responsabilités"]
HEAD_ENV = ["Environnement technique :", "Stack technique :", "Notre environnement :", "Outils et technologies :"]
HEAD_PROFILE = ["Profil recherché :", "Votre profil", "Ce que nous attendons :", "Qui êtes-vous ?", "Compétences attendues"]
HEAD_BENEF = ["Pourquoi nous rejoindre ?", "Avantages :", "Ce que nous offrons :", "Les plus du poste"]

# ---------------------------------------------------------------------------
# Job families.  weight = share among digital postings (non-digital handled apart).
# roles: (romeCode, appellation (official ROME 4.0 appellation), [job titles as postings write them])
# ---------------------------------------------------------------------------
FAMILIES = [
  dict(key="dev_web", group="developpement", weight=15.0, intros=["esn", "editeur", "agence", "groupe", "retail"],
    quals={"7": 3, "9": 5, "8": 1},
    roles=[
      ("M1855", "Développeur / Développeuse web", ["Développeur web", "Développeuse web", "Développeur·se web", "Développeur web PHP / Symfony", "Développeur web junior", "Web developer"]),
      ("M1855", "Développeur / Développeuse full-stack", ["Développeur full stack", "Développeur Fullstack JS", "Développeur·se full stack React / Node.js", "Développeur full stack Java / Angular", "Full stack developer"]),
      ("M1855", "Développeur / Développeuse front-end", ["Développeur front-end", "Développeuse front-end React", "Développeur frontend Vue.js", "Développeur front-end Angular"]),
      ("M1855", "Développeur / Développeuse back-end", ["Développeur back-end", "Développeur back-end Node.js", "Développeur backend PHP", "Développeur back-end Python / Django"]),
      ("M1855", "Développeur / Développeuse web", ["Lead developer", "Développeur Laravel", "Développeur WordPress"]),
    ],
    missions=[
      "Développer de nouvelles fonctionnalités sur nos applications web, de la conception à la mise en production.",
      "Concevoir et exposer des API REST consommées par nos applications web et mobiles.",
      "Intégrer les maquettes fournies par l'équipe design en respectant les standards d'accessibilité (RGAA).",
      "Écrire des tests unitaires et fonctionnels et participer aux revues de code.",
      "Maintenir et faire évoluer le back-office utilisé par nos équipes commerciales.",
      "Optimiser les performances et le référencement naturel (SEO) des sites.",
      "Corriger les bugs remontés par le support et améliorer la qualité du code existant.",
      "Participer aux cérémonies agiles (daily, sprint planning, rétrospective) avec le Product Owner.",
      "Modéliser les bases de données et écrire des requêtes SQL performantes.",
      "Contribuer à la chaîne d'intégration continue et au déploiement sur nos environnements.",
      "Rédiger la documentation technique des composants que vous développez.",
      "Analyser les besoins des utilisateurs avec les chefs de projet et proposer des solutions techniques.",
      "Travailler en binôme avec les designers UX/UI pour améliorer les parcours utilisateurs.",
      "Développer des composants réutilisables pour notre design system.",
      "Assurer la sécurité des applications (authentification, failles OWASP, gestion des droits).",
    ],
    req=["PHP et Symfony", "JavaScript", "React", "Angular", "Vue.js", "Node.js", "HTML5 / CSS3", "SQL", "Git", "API REST", "TypeScript", "Laravel", "Java / Spring Boot", "Python / Django", "MySQL ou PostgreSQL"],
    nice=["Docker", "CI/CD (GitLab CI, GitHub Actions)", "tests unitaires (PHPUnit, Jest)", "Next.js", "GraphQL", "AWS", "Kubernetes", "Tailwind CSS", "Redis", "Elasticsearch", "l'accessibilité numérique", "les méthodes agiles (Scrum)", "MongoDB", "Cypress", "WordPress"],
    soft=["autonomie", "equipe", "curiosite", "rigueur", "proposition"],
    diplomas=["Bac+2 à Bac+5 en informatique ou titre professionnel Développeur web et web mobile.", "Formation en développement (école, université ou reconversion via une formation labellisée).", "Vous êtes issu·e d'une formation Bac+3 en développement web ou justifiez d'une expérience équivalente."],
  ),
  dict(key="dev_logiciel", group="developpement", weight=11.0, intros=["esn", "editeur", "groupe"],
    quals={"7": 2, "9": 6, "8": 1},
    roles=[
      ("M1805", "Développeur / Développeuse informatique", ["Développeur Java", "Développeur Java J2EE", "Développeur .NET", "Développeur C#", "Développeur Python", "Développeur informatique", "Développeuse informatique", "Software developer"]),
      ("M1805", "Analyste-programmeur / Analyste-programmeuse informatique", ["Analyste programmeur", "Analyste programmeur·euse", "Analyste développeur"]),
      ("M1805", "Programmeur / Programmeuse informatique", ["Développeur Cobol", "Développeur C/C++", "Développeur WinDev"]),
      ("M1861", "Développeur / Développeuse logiciel ou d'application", ["Développeur logiciel", "Développeur d'applications", "Développeur applicatif .NET", "Développeur EDI"]),
      ("M1818", "Ingénieur / Ingénieure d'étude et développement informatique", ["Ingénieur études et développement", "Ingénieur d'études Java", "Ingénieur logiciel", "Software engineer", "Tech lead Java"]),
    ],
    missions=[
      "Participer à la conception technique et au développement des évolutions applicatives.",
      "Développer des services back-end robustes et maintenables.",
      "Assurer la maintenance corrective et évolutive d'applications métiers critiques.",
      "Rédiger les spécifications techniques à partir des spécifications fonctionnelles.",
      "Écrire des tests automatisés et veiller à la couverture de code.",
      "Réaliser les revues de code et partager les bonnes pratiques (clean code, SOLID).",
      "Analyser et corriger les anomalies remontées en recette et en production.",
      "Participer aux mises en production et au support de niveau 3.",
      "Contribuer à la migration d'applications historiques vers une architecture microservices.",
      "Optimiser les traitements batch et les performances des requêtes sur la base de données.",
      "Échanger avec les équipes métier pour comprendre leurs besoins.",
      "Documenter les développements et les procédures d'installation.",
      "Participer aux rituels agiles de l'équipe (Scrum, Kanban).",
    ],
    req=["Java 17 et Spring Boot", "C# / .NET Core", "Python", "SQL (Oracle, SQL Server ou PostgreSQL)", "Git", "la programmation orientée objet", "Maven ou Gradle", "les API REST", "Hibernate / JPA", "C++", "Cobol et JCL", "WinDev"],
    nice=["Docker et Kubernetes", "Kafka", "Jenkins ou GitLab CI", "Angular", "React", "Azure DevOps", "SonarQube", "les tests automatisés (JUnit, xUnit, pytest)", "l'anglais technique", "les architectures microservices", "le cloud Azure ou AWS", "Linux"],
    soft=["rigueur", "equipe", "autonomie", "curiosite", "communication"],
    diplomas=["Bac+5 école d'ingénieurs ou master en informatique.", "Bac+3 minimum en informatique ou expérience équivalente.", "Titre professionnel Concepteur développeur d'applications ou diplôme équivalent."],
  ),
  dict(key="dev_mobile", group="developpement", weight=3.0, intros=["editeur", "agence", "esn", "retail"],
    quals={"7": 1, "9": 3},
    roles=[
      ("M1861", "Développeur / Développeuse d'application", ["Développeur mobile", "Développeuse mobile", "Développeur iOS", "Développeur Android", "Développeur Flutter", "Développeur React Native", "Développeur mobile Kotlin / Swift"]),
      ("M1855", "Développeur / Développeuse web mobile", ["Développeur web mobile", "Développeur·se web et mobile"]),
    ],
    missions=[
      "Développer les nouvelles fonctionnalités de nos applications iOS et Android.",
      "Concevoir des interfaces fluides en lien avec l'équipe UX/UI.",
      "Publier les applications sur l'App Store et le Google Play Store.",
      "Intégrer les API REST et gérer le mode hors connexion.",
      "Mettre en place des tests unitaires et des tests d'interface.",
      "Suivre les crashs et les performances (Firebase Crashlytics) et corriger les bugs.",
      "Participer aux choix d'architecture (MVVM, Clean Architecture).",
      "Assurer la veille sur les évolutions des plateformes mobiles.",
    ],
    req=["Swift et SwiftUI", "Kotlin et Jetpack Compose", "Flutter / Dart", "React Native", "Git", "les API REST", "TypeScript"],
    nice=["Firebase", "les tests UI (XCTest, Espresso)", "Fastlane et la CI mobile", "GraphQL", "l'accessibilité mobile", "Figma", "les méthodes agiles"],
    soft=["autonomie", "creativite", "equipe", "curiosite"],
    diplomas=["Bac+3 à Bac+5 en informatique.", "Formation en développement mobile ou expérience équivalente.", "Portfolio d'applications publiées apprécié."],
  ),
  dict(key="dev_embarque", group="developpement", weight=3.0, intros=["industrie", "esn"],
    quals={"9": 4, "7": 1},
    roles=[
      ("M1892", "Ingénieur / Ingénieure en informatique embarquée", ["Ingénieur logiciel embarqué", "Ingénieure logiciel embarqué", "Ingénieur systèmes embarqués", "Développeur C embarqué", "Ingénieur firmware", "Ingénieur logiciel avionique", "Embedded software engineer"]),
      ("M1805", "Développeur / Développeuse systèmes embarqués", ["Développeur systèmes embarqués", "Développeur embarqué C/C++", "Développeur IoT"]),
    ],
    missions=[
      "Développer le logiciel embarqué de nos calculateurs en C et C++.",
      "Rédiger les spécifications logicielles et les dossiers de conception.",
      "Réaliser les tests unitaires et d'intégration sur cible et sur banc.",
      "Développer des drivers pour microcontrôleurs (STM32, NXP) et des bus de communication (CAN, SPI, I2C).",
      "Participer à la certification DO-178C des logiciels avioniques.",
      "Mettre en œuvre des systèmes temps réel (FreeRTOS, Zephyr) et Linux embarqué.",
      "Analyser les anomalies et assurer le débogage sur cible avec oscilloscope et sonde JTAG.",
      "Collaborer avec les équipes électronique et système.",
    ],
    req=["le langage C", "C++", "les microcontrôleurs ARM", "les systèmes temps réel (RTOS)", "Linux embarqué / Yocto", "les bus CAN, SPI et I2C", "Git"],
    nice=["la norme DO-178C", "AUTOSAR", "Python pour l'outillage de test", "MATLAB / Simulink", "la cybersécurité embarquée", "l'anglais technique", "ISO 26262"],
    soft=["rigueur", "autonomie", "equipe", "curiosite"],
    diplomas=["Bac+5 école d'ingénieurs en électronique, informatique industrielle ou systèmes embarqués.", "Master en systèmes embarqués ou équivalent."],
  ),
  dict(key="support", group="support", weight=8.5, intros=["esn", "groupe", "public", "editeur"],
    quals={"6": 4, "7": 5},
    roles=[
      ("I1404", "Technicien / Technicienne support informatique", ["Technicien support informatique", "Technicienne support informatique", "Technicien support N1/N2", "Technicien helpdesk", "Technicien·ne support utilisateurs", "Technicien support N2"]),
      ("I1404", "Technicien / Technicienne helpdesk", ["Technicien helpdesk N1", "Technicien hotline", "Technicien service desk", "Support utilisateurs"]),
      ("I1404", "Technicien(ne) support de proximité en informatique", ["Technicien de proximité", "Technicien support de proximité", "Technicien poste de travail", "Technicien·ne de proximité"]),
      ("I1404", "Technicien / Technicienne support logiciel", ["Technicien support logiciel", "Technicien support applicatif"]),
    ],
    missions=[
      "Prendre en charge les demandes et incidents des utilisateurs par téléphone, e-mail et via l'outil de ticketing.",
      "Diagnostiquer et résoudre les incidents de niveau 1 et 2 sur les postes de travail, les imprimantes et la téléphonie.",
      "Installer, configurer et masteriser les postes de travail Windows et macOS.",
      "Gérer les comptes utilisateurs et les droits d'accès dans l'Active Directory.",
      "Escalader les incidents complexes vers les équipes de niveau 3 et assurer le suivi jusqu'à résolution.",
      "Rédiger et mettre à jour la base de connaissances et les procédures.",
      "Accompagner et former les utilisateurs sur les outils bureautiques (Microsoft 365, Teams, Outlook).",
      "Participer aux déploiements de matériel et aux mises à jour de logiciels.",
      "Assurer la prise en main à distance des postes et le support des utilisateurs en télétravail.",
      "Tenir à jour l'inventaire du parc informatique dans GLPI.",
      "Respecter les engagements de service (SLA) et la qualité de traitement des tickets.",
    ],
    req=["Windows 10 / 11", "Microsoft 365", "l'Active Directory", "un outil de ticketing (GLPI, ServiceNow)", "les bases des réseaux (TCP/IP, DHCP, DNS)", "la prise en main à distance"],
    nice=["ITIL", "Intune", "macOS", "PowerShell", "l'anglais", "la téléphonie IP", "Linux"],
    soft=["service", "reactivite", "rigueur", "communication", "equipe"],
    diplomas=["Bac+2 en informatique (BTS SIO, BUT réseaux et télécommunications) ou titre professionnel Technicien d'assistance en informatique.", "Débutant·e accepté·e si formation en support informatique.", "Titre professionnel Technicien supérieur systèmes et réseaux apprécié."],
  ),
  dict(key="maintenance", group="support", weight=4.5, intros=["esn", "retail", "public", "telecom"],
    quals={"6": 3, "7": 4},
    roles=[
      ("I1401", "Technicien / Technicienne de maintenance en informatique", ["Technicien de maintenance informatique", "Technicienne de maintenance informatique", "Technicien informatique itinérant", "Technicien micro-informatique", "Technicien SAV informatique", "Technicien d'atelier informatique"]),
      ("I1401", "Technicien(ne) en micro-informatique et bureautique", ["Technicien micro-informatique et bureautique", "Technicien reconditionnement informatique"]),
    ],
    missions=[
      "Diagnostiquer et réparer les pannes matérielles et logicielles sur les ordinateurs, serveurs et périphériques.",
      "Intervenir sur site chez nos clients professionnels de votre secteur géographique.",
      "Installer et mettre en service les équipements informatiques et le câblage réseau.",
      "Remplacer les composants défectueux (disques, mémoire, cartes mères, écrans).",
      "Reconditionner et tester les ordinateurs avant leur remise en service.",
      "Effectuer les mises à jour de logiciels et de firmwares.",
      "Renseigner les rapports d'intervention et gérer le stock de pièces détachées.",
      "Conseiller les clients sur le renouvellement de leur matériel.",
      "Respecter la réglementation sur les déchets d'équipements électriques (DEEE).",
    ],
    req=["le matériel PC et les périphériques", "Windows", "le diagnostic de pannes", "le permis B"],
    nice=["les imprimantes multifonctions", "Linux", "les bases des réseaux", "une habilitation électrique", "les certifications constructeurs (Dell, HP, Lenovo)"],
    soft=["service", "autonomie", "rigueur", "reactivite"],
    diplomas=["CAP à Bac Pro systèmes numériques ou BTS SIO.", "Titre professionnel Technicien d'assistance en informatique apprécié.", "Débutant accepté avec une première expérience en stage."],
  ),
  dict(key="exploitation", group="support", weight=2.5, intros=["esn", "groupe", "public"],
    quals={"6": 1, "7": 4},
    roles=[
      ("M1869", "Gestionnaire de parc informatique", ["Gestionnaire de parc informatique", "Gestionnaire de parc", "Technicien déploiement poste de travail", "Gestionnaire parc informatique et téléphonie"]),
      ("M1810", "Technicien / Technicienne d'exploitation informatique", ["Technicien d'exploitation informatique", "Technicien d'exploitation", "Technicien informatique", "Pupitreur"]),
    ],
    missions=[
      "Gérer le cycle de vie du parc (commandes, inventaire, affectation, recyclage).",
      "Tenir à jour la base d'inventaire et les contrats de maintenance.",
      "Préparer et déployer les postes de travail et les smartphones.",
      "Surveiller le bon déroulement des traitements et des sauvegardes.",
      "Appliquer les procédures d'exploitation et traiter les incidents de premier niveau.",
      "Suivre les indicateurs de supervision et alerter les équipes en cas d'anomalie.",
      "Former les utilisateurs aux nouveaux équipements.",
    ],
    req=["GLPI ou un outil de gestion de parc", "Windows", "les procédures d'exploitation", "Excel"],
    nice=["Intune ou SCCM", "un outil de supervision (Centreon, Zabbix)", "ITIL", "les scripts PowerShell", "Veeam"],
    soft=["rigueur", "service", "autonomie"],
    diplomas=["Bac+2 en informatique.", "BTS SIO option SISR apprécié."],
  ),
  dict(key="admin_sys", group="infra", weight=5.5, intros=["esn", "groupe", "public", "editeur"],
    quals={"7": 4, "9": 3},
    roles=[
      ("M1801", "Administrateur / Administratrice systèmes et réseaux", ["Administrateur systèmes et réseaux", "Administratrice systèmes et réseaux", "Administrateur·rice systèmes et réseaux", "Admin sys Linux", "Administrateur systèmes Windows"]),
      ("M1801", "Administrateur / Administratrice système informatique", ["Administrateur système", "Administrateur infrastructure", "Administrateur informatique", "Administrateur Microsoft 365"]),
    ],
    missions=[
      "Administrer et maintenir en condition opérationnelle les serveurs Windows et Linux.",
      "Gérer l'infrastructure de virtualisation VMware ou Hyper-V.",
      "Administrer l'Active Directory, les GPO et la messagerie Microsoft 365.",
      "Mettre en place et contrôler les sauvegardes (Veeam) et le plan de reprise d'activité.",
      "Assurer la supervision des systèmes et le traitement des alertes.",
      "Automatiser les tâches récurrentes par des scripts PowerShell ou Bash.",
      "Appliquer les correctifs de sécurité et suivre les vulnérabilités.",
      "Gérer les équipements réseau (switchs, pare-feu, VPN, Wi-Fi).",
      "Participer aux projets d'évolution de l'infrastructure et de migration vers le cloud.",
      "Rédiger la documentation d'exploitation et apporter un support de niveau 2 et 3.",
    ],
    req=["Windows Server", "Linux (Debian, Red Hat)", "VMware vSphere", "l'Active Directory", "les réseaux TCP/IP et VLAN", "Veeam Backup", "les scripts PowerShell"],
    nice=["Azure ou AWS", "Ansible", "un pare-feu Fortinet ou Stormshield", "Proxmox", "Zabbix ou Centreon", "Intune", "ITIL", "Docker"],
    soft=["rigueur", "autonomie", "reactivite", "equipe"],
    diplomas=["Bac+2/3 en systèmes et réseaux (BTS SIO SISR, BUT R&T, titre professionnel Administrateur d'infrastructures sécurisées).", "Bac+3 en administration des systèmes ou expérience équivalente."],
  ),
  dict(key="reseau", group="infra", weight=2.5, intros=["esn", "groupe", "telecom"],
    quals={"7": 2, "9": 3},
    roles=[
      ("M1854", "Administrateur / Administratrice réseau informatique", ["Administrateur réseau", "Administratrice réseau", "Administrateur réseau et sécurité", "Administrateur réseaux LAN/WAN"]),
      ("M1822", "Ingénieur / Ingénieure systèmes et réseaux informatiques", ["Ingénieur systèmes et réseaux", "Ingénieure systèmes et réseaux", "Ingénieur réseau", "Ingénieur infrastructure", "Ingénieur réseau et sécurité"]),
    ],
    missions=[
      "Concevoir, déployer et maintenir l'architecture réseau LAN, WAN et Wi-Fi.",
      "Configurer les commutateurs, routeurs et pare-feu (Cisco, Aruba, Fortinet).",
      "Assurer le routage (BGP, OSPF) et la segmentation par VLAN.",
      "Superviser les flux et diagnostiquer les incidents réseau.",
      "Administrer les VPN site à site et les accès distants.",
      "Participer à la sécurisation de l'infrastructure et aux audits.",
      "Rédiger les dossiers d'architecture et la documentation technique.",
      "Piloter les opérateurs et prestataires lors des déploiements.",
    ],
    req=["Cisco (CCNA ou CCNP)", "le routage et la commutation", "les pare-feu Fortinet ou Palo Alto", "les VPN IPsec", "TCP/IP", "le Wi-Fi d'entreprise"],
    nice=["SD-WAN", "Python pour l'automatisation réseau", "Ansible", "la supervision (PRTG, Centreon)", "l'anglais technique", "le cloud Azure"],
    soft=["rigueur", "autonomie", "communication"],
    diplomas=["Bac+3 à Bac+5 en réseaux et télécommunications.", "Certification Cisco CCNA appréciée."],
  ),
  dict(key="tech_reseau", group="infra", weight=2.0, intros=["telecom", "esn"],
    quals={"7": 4, "6": 1},
    roles=[
      ("M1816", "Technicien / Technicienne réseaux informatiques et télécoms", ["Technicien réseaux et télécoms", "Technicienne réseaux informatiques", "Technicien télécoms", "Technicien réseau informatique", "Technicien installation télécom"]),
    ],
    missions=[
      "Installer et mettre en service les équipements réseaux et télécoms chez nos clients.",
      "Réaliser le câblage, le brassage et la recette des baies.",
      "Configurer les switchs, bornes Wi-Fi et autocommutateurs de téléphonie IP.",
      "Diagnostiquer les dysfonctionnements, y compris à distance.",
      "Rédiger les rapports d'intervention et tenir à jour les plans réseau.",
      "Participer aux astreintes et aux opérations de maintenance préventive.",
    ],
    req=["les réseaux TCP/IP", "le câblage cuivre et fibre", "la téléphonie IP (ToIP)", "la configuration de switchs", "le permis B"],
    nice=["une habilitation électrique", "les équipements Cisco ou Aruba", "les courants faibles", "l'anglais technique"],
    soft=["autonomie", "rigueur", "service"],
    diplomas=["Bac Pro à Bac+2 en systèmes numériques, réseaux et télécoms.", "Titre professionnel Technicien réseaux IP apprécié."],
  ),
  dict(key="fibre", group="infra", weight=2.5, intros=["telecom"],
    quals={"3": 3, "7": 2, "6": 1},
    roles=[
      ("I1311", "Technicien / Technicienne fibre optique", ["Technicien fibre optique", "Technicienne fibre optique", "Technicien FTTH", "Technicien déploiement fibre", "Technicien fibre B2B"]),
      ("I1315", "Monteur raccordeur / Monteuse raccordeuse fibre optique", ["Monteur raccordeur fibre optique", "Raccordeur FTTH", "Monteur câbleur fibre", "Technicien raccordement fibre optique"]),
    ],
    missions=[
      "Réaliser les raccordements FTTH chez les particuliers et les entreprises.",
      "Tirer les câbles en souterrain, en façade ou en aérien.",
      "Réaliser les soudures et les mesures au réflectomètre (OTDR) et au photomètre.",
      "Installer et brasser les points de branchement optique (PBO) et les prises terminales (PTO).",
      "Diagnostiquer les dysfonctionnements et assurer le service après-vente.",
      "Rédiger les comptes rendus d'intervention sur tablette.",
      "Respecter les règles de sécurité pour les travaux en hauteur et à proximité des réseaux.",
    ],
    req=["la soudure de fibre optique", "les mesures optiques (réflectomètre, photomètre)", "le permis B", "le travail en hauteur"],
    nice=["l'AIPR", "le CACES nacelle", "une habilitation électrique", "le déploiement FTTH"],
    soft=["rigueur", "autonomie", "service", "reactivite"],
    diplomas=["CAP à Bac Pro en électricité, électronique ou télécoms.", "Formation au raccordement fibre optique (titre professionnel ou CQP).", "Débutants acceptés : formation interne assurée."],
  ),
  dict(key="devops", group="cloud", weight=3.5, intros=["esn", "editeur", "groupe"],
    quals={"9": 5, "7": 1},
    roles=[
      ("M1827", "Ingénieur / Ingénieure DevOps", ["Ingénieur DevOps", "Ingénieure DevOps", "DevOps engineer", "Ingénieur·e DevOps AWS", "Ingénieur DevSecOps", "Platform engineer", "Ingénieur MLOps"]),
    ],
    missions=[
      "Concevoir et maintenir les pipelines CI/CD (GitLab CI, Jenkins, GitHub Actions).",
      "Industrialiser le déploiement des applications sur Kubernetes.",
      "Gérer l'infrastructure as code avec Terraform et Ansible.",
      "Mettre en place l'observabilité (Prometheus, Grafana, ELK).",
      "Accompagner les équipes de développement dans l'adoption des pratiques DevOps.",
      "Améliorer la sécurité de la chaîne de livraison (scan d'images, gestion des secrets).",
      "Optimiser les coûts et la performance de nos environnements cloud.",
      "Participer aux astreintes et à la gestion des incidents de production.",
    ],
    req=["Docker et Kubernetes (K8s)", "Terraform", "GitLab CI ou Jenkins", "AWS, Azure ou GCP", "Linux", "Ansible", "Git"],
    nice=["Helm et ArgoCD", "Python ou Go", "Prometheus / Grafana", "HashiCorp Vault", "une certification CKA ou AWS", "l'anglais technique", "les méthodes agiles"],
    soft=["autonomie", "curiosite", "equipe", "proposition"],
    diplomas=["Bac+5 en informatique ou expérience équivalente.", "Bac+3 minimum avec une expérience réussie en administration système ou en développement."],
  ),
  dict(key="cloud", group="cloud", weight=1.5, intros=["esn", "groupe", "editeur"],
    quals={"9": 4, "7": 1},
    roles=[
      ("M1860", "Architecte cloud", ["Architecte cloud", "Architecte cloud AWS", "Architecte cloud Azure", "Cloud architect"]),
      ("M1879", "Ingénieur / Ingénieure Cloud computing", ["Ingénieur cloud", "Ingénieure cloud Azure", "Cloud engineer", "Ingénieur cloud GCP"]),
      ("M1876", "Technicien / Technicienne Cloud", ["Technicien cloud", "Technicienne cloud", "Technicien cloud Azure"]),
    ],
    missions=[
      "Concevoir des architectures cloud sécurisées, résilientes et maîtrisées en coûts.",
      "Accompagner la migration des applications vers AWS ou Azure.",
      "Définir les standards (landing zone, gestion des identités, réseau, sauvegarde).",
      "Déployer et administrer les ressources cloud en infrastructure as code.",
      "Assurer la conformité réglementaire des solutions cloud (RGPD, SecNumCloud).",
      "Conseiller les équipes projet et rédiger les dossiers d'architecture.",
      "Traiter les demandes et incidents sur les environnements cloud.",
    ],
    req=["AWS ou Azure", "Terraform", "les réseaux cloud (VPC, VNet)", "la gestion des identités (IAM, Entra ID)", "Linux et Windows Server"],
    nice=["Kubernetes", "une certification AWS Solutions Architect ou Azure AZ-305", "FinOps", "OVHcloud", "l'anglais", "Python"],
    soft=["communication", "autonomie", "proposition"],
    diplomas=["Bac+5 en informatique.", "Bac+2/3 avec certification cloud pour le poste de technicien."],
  ),
  dict(key="data_analyst", group="data", weight=3.5, intros=["groupe", "editeur", "retail", "esn", "public"],
    quals={"9": 4, "7": 1},
    roles=[
      ("M1419", "Data analyst", ["Data analyst", "Data analyste", "Data analyst junior", "Data analyst Power BI", "Data analyst marketing", "Analyste de données", "Business data analyst"]),
      ("M1851", "Analyste décisionnel - Business Intelligence", ["Analyste BI", "Analyste décisionnel", "Chargé de reporting"]),
    ],
    missions=[
      "Collecter, nettoyer et analyser les données issues de nos outils métiers.",
      "Concevoir des tableaux de bord Power BI pour les directions métiers.",
      "Définir et suivre les indicateurs clés de performance (KPI).",
      "Réaliser des analyses ad hoc et présenter les résultats aux parties prenantes.",
      "Écrire des requêtes SQL complexes sur l'entrepôt de données.",
      "Contribuer à la qualité des données et à la documentation du catalogue.",
      "Automatiser les reportings récurrents avec Python.",
      "Analyser le comportement des clients et proposer des recommandations.",
    ],
    req=["SQL", "Power BI", "Excel avancé", "Python (pandas)", "la statistique descriptive", "Tableau ou Looker"],
    nice=["BigQuery ou Snowflake", "dbt", "Google Analytics 4", "R", "l'anglais", "les notions de machine learning"],
    soft=["rigueur", "communication", "curiosite", "autonomie"],
    diplomas=["Bac+5 en statistiques, data ou école de commerce avec spécialisation data.", "Bac+3 en informatique décisionnelle ou formation data analyst."],
  ),
  dict(key="data_engineer", group="data", weight=3.0, intros=["esn", "editeur", "groupe"],
    quals={"9": 5},
    roles=[
      ("M1811", "Data engineer", ["Data engineer", "Ingénieur data", "Ingénieure data", "Data engineer GCP", "Big data engineer", "Analytics engineer"]),
      ("M1824", "Développeur(se) décisionnel - Business Intelligence", ["Développeur BI", "Développeur ETL", "Développeur décisionnel"]),
    ],
    missions=[
      "Concevoir et développer des pipelines d'ingestion de données batch et streaming.",
      "Modéliser l'entrepôt de données et les datamarts.",
      "Industrialiser les traitements avec Airflow et dbt.",
      "Garantir la qualité, la fiabilité des données et leur documentation.",
      "Optimiser les traitements Spark et les coûts de la plateforme data.",
      "Mettre en place les flux Kafka entre les applications.",
      "Collaborer avec les data analysts et data scientists pour mettre à disposition les données.",
      "Participer à la mise en conformité RGPD des données personnelles.",
    ],
    req=["Python", "SQL", "Spark", "Airflow", "dbt", "un cloud data (GCP BigQuery, Snowflake ou Databricks)", "Talend ou un ETL équivalent"],
    nice=["Kafka", "Scala", "Terraform", "Docker", "les méthodes agiles", "l'anglais technique", "Power BI"],
    soft=["rigueur", "autonomie", "equipe", "curiosite"],
    diplomas=["Bac+5 en informatique ou en data.", "Diplôme d'ingénieur ou master spécialisé big data."],
  ),
  dict(key="data_scientist", group="data", weight=2.5, intros=["groupe", "editeur", "esn"],
    quals={"9": 6},
    roles=[
      ("M1405", "Data scientist", ["Data scientist", "Data scientist senior", "Data scientist NLP", "Lead data scientist"]),
      ("M1889", "Ingénieur / Ingénieure machine learning", ["Ingénieur machine learning", "Machine learning engineer", "Ingénieur IA", "Ingénieur IA générative", "Développeur IA"]),
    ],
    missions=[
      "Concevoir et entraîner des modèles de machine learning (classification, prévision, recommandation).",
      "Explorer les données et construire les variables explicatives.",
      "Évaluer les modèles et suivre leur performance en production.",
      "Développer des applications à base de LLM et de RAG.",
      "Industrialiser les modèles avec l'équipe MLOps.",
      "Vulgariser les résultats auprès des équipes métier.",
      "Assurer une veille sur l'intelligence artificielle et les nouvelles approches.",
    ],
    req=["Python", "scikit-learn", "la modélisation statistique", "SQL", "PyTorch ou TensorFlow", "pandas"],
    nice=["les LLM et le RAG", "MLflow", "Spark", "le cloud (Vertex AI, SageMaker)", "Docker", "l'anglais"],
    soft=["curiosite", "communication", "rigueur", "autonomie"],
    diplomas=["Bac+5 en data science, mathématiques appliquées ou école d'ingénieurs.", "Doctorat apprécié."],
  ),
  dict(key="soc", group="cyber", weight=2.6, intros=["cyber", "esn", "groupe"],
    quals={"7": 2, "9": 4},
    roles=[
      ("M1883", "Analyste SOC (Security Operations Center)", ["Analyste SOC", "Analyste SOC N1", "Analyste SOC N2", "SOC analyst", "Analyste CERT"]),
    ],
    missions=[
      "Surveiller les alertes de sécurité remontées par le SIEM et l'EDR.",
      "Qualifier les incidents de sécurité et déclencher la réponse adaptée.",
      "Analyser les journaux (logs) pour identifier les comportements suspects.",
      "Rédiger les rapports d'incident et les tableaux de bord de sécurité.",
      "Améliorer les règles de détection et les cas d'usage.",
      "Participer à la veille sur les menaces et les vulnérabilités.",
      "Travailler en horaires postés au sein d'un SOC 24/7.",
    ],
    req=["un SIEM (Splunk, QRadar ou Microsoft Sentinel)", "les réseaux TCP/IP", "Windows et Linux", "les EDR", "le framework MITRE ATT&CK"],
    nice=["les scripts Python", "une certification (CompTIA Security+, GIAC)", "l'anglais technique", "le forensic", "Elastic"],
    soft=["rigueur", "reactivite", "curiosite", "equipe"],
    diplomas=["Bac+3 à Bac+5 en cybersécurité.", "Formation analyste SOC ou expérience équivalente."],
  ),
  dict(key="cyber", group="cyber", weight=3.0, intros=["cyber", "esn", "groupe", "public"],
    quals={"9": 5, "7": 1},
    roles=[
      ("M1844", "Analyste en cybersécurité", ["Analyste cybersécurité", "Consultant cybersécurité", "Consultante cybersécurité", "Technicien cybersécurité", "Analyste de la menace"]),
      ("M1856", "Expert / Experte en cybersécurité", ["Expert cybersécurité", "Consultant GRC", "Consultant SSI"]),
      ("M1819", "Ingénieur / Ingénieure sécurité informatique", ["Ingénieur sécurité", "Ingénieure cybersécurité", "Ingénieur sécurité opérationnelle"]),
      ("M1812", "Responsable de la Sécurité des Systèmes d'Information (RSSI)", ["RSSI", "RSSI adjoint", "Responsable sécurité des systèmes d'information"]),
    ],
    missions=[
      "Analyser les risques de sécurité des projets (EBIOS RM) et définir les mesures adaptées.",
      "Contribuer à la politique de sécurité et au suivi de la conformité (ISO 27001, NIS 2).",
      "Piloter la gestion des vulnérabilités et le suivi des correctifs.",
      "Mener des audits de configuration et des revues d'accès.",
      "Sensibiliser les collaborateurs aux bonnes pratiques de cybersécurité.",
      "Participer à la gestion de crise et au traitement des incidents de sécurité.",
      "Administrer les solutions de sécurité (pare-feu, EDR, proxy, IAM).",
      "Assurer la veille réglementaire et technologique.",
    ],
    req=["la norme ISO 27001", "l'analyse de risques (EBIOS RM)", "la sécurité des réseaux et des systèmes", "la gestion des identités et des accès (IAM)", "le RGPD"],
    nice=["NIS 2 et DORA", "une certification CISSP ou ISO 27001 Lead Implementer", "le cloud Azure", "l'anglais", "Python"],
    soft=["rigueur", "communication", "autonomie", "proposition"],
    diplomas=["Bac+5 en cybersécurité ou sécurité des systèmes d'information.", "Mastère spécialisé en cybersécurité apprécié."],
  ),
  dict(key="pentest", group="cyber", weight=1.0, intros=["cyber", "esn"],
    quals={"9": 4},
    roles=[
      ("M1866", "Pentesteur / Pentesteuse", ["Pentester", "Pentesteur", "Pentesteuse", "Consultant pentest", "Auditeur technique sécurité", "Ethical hacker"]),
    ],
    missions=[
      "Réaliser des tests d'intrusion sur des applications web, mobiles et des infrastructures.",
      "Mener des audits de configuration et des revues de code orientées sécurité.",
      "Rédiger les rapports d'audit et présenter les vulnérabilités aux clients.",
      "Proposer des plans de remédiation adaptés au niveau de risque.",
      "Participer à des exercices red team.",
      "Développer des outils internes et contribuer à la veille offensive.",
    ],
    req=["Burp Suite", "les vulnérabilités OWASP", "Linux (Kali)", "l'Active Directory et ses attaques", "les scripts Python ou Bash"],
    nice=["une certification OSCP", "les CTF", "le reverse engineering", "l'anglais", "la qualification PASSI"],
    soft=["curiosite", "rigueur", "autonomie", "communication"],
    diplomas=["Bac+5 en sécurité informatique.", "Profil autodidacte accepté avec certifications reconnues."],
  ),
  dict(key="chef_projet", group="gestion", weight=3.0, intros=["esn", "agence", "groupe", "public", "editeur"],
    quals={"9": 6, "8": 1},
    roles=[
      ("M1886", "Chef / Cheffe de projet digital", ["Chef de projet digital", "Cheffe de projet web", "Chef de projet web", "Digital project manager", "Chef de projet e-commerce"]),
      ("M1853", "Chef / Cheffe de projet informatique", ["Chef de projet informatique", "Cheffe de projet informatique", "Chef de projet technique", "Chef de projet applicatif"]),
      ("M1828", "Project Manager", ["Chef de projet IT", "PMO", "Project manager"]),
    ],
    missions=[
      "Piloter les projets de la phase de cadrage jusqu'à la mise en production.",
      "Recueillir les besoins des métiers et rédiger le cahier des charges.",
      "Planifier les travaux, suivre le budget et les délais.",
      "Coordonner les équipes internes, les prestataires et les parties prenantes.",
      "Animer les comités de pilotage et assurer le reporting.",
      "Organiser la recette et accompagner le changement auprès des utilisateurs.",
      "Identifier les risques projet et proposer des plans d'action.",
      "Veiller à l'accessibilité, au référencement et à la performance des sites.",
    ],
    req=["la gestion de projet (cycle en V et agile)", "Jira ou un outil équivalent", "la rédaction de cahiers des charges", "le pilotage budgétaire"],
    nice=["une certification PMP ou Prince2", "les notions techniques web (HTML, CMS, API)", "Scrum", "l'anglais", "MS Project"],
    soft=["communication", "rigueur", "equipe", "proposition"],
    diplomas=["Bac+5 école d'ingénieurs, de commerce ou université.", "Bac+3 avec une expérience confirmée en gestion de projet."],
  ),
  dict(key="po_sm", group="gestion", weight=2.0, intros=["editeur", "groupe", "esn"],
    quals={"9": 5},
    roles=[
      ("M1864", "Product Owner", ["Product owner", "Product Owner", "Proxy product owner", "Product manager"]),
      ("M1814", "Scrum Master", ["Scrum master", "Scrum Master SAFe", "Coach agile"]),
    ],
    missions=[
      "Construire, prioriser et maintenir le backlog produit.",
      "Rédiger les user stories et les critères d'acceptation.",
      "Animer les cérémonies agiles (sprint planning, daily, revue, rétrospective).",
      "Faire le lien entre les utilisateurs, les parties prenantes et l'équipe de développement.",
      "Suivre les indicateurs de performance du produit.",
      "Lever les obstacles de l'équipe et faire progresser ses pratiques agiles.",
      "Recetter les fonctionnalités livrées à chaque sprint.",
    ],
    req=["la méthodologie Scrum", "Jira et Confluence", "la rédaction de user stories", "la priorisation (MoSCoW, RICE)"],
    nice=["SAFe", "une certification PSPO ou PSM", "des notions de UX design", "SQL", "l'anglais"],
    soft=["communication", "equipe", "proposition", "rigueur"],
    diplomas=["Bac+5 en informatique, école de commerce ou équivalent."],
  ),
  dict(key="ux_ui", group="design", weight=1.5, intros=["agence", "editeur", "groupe"],
    quals={"9": 3, "7": 1},
    roles=[
      ("E1206", "UX - UI Designer", ["UX/UI designer", "UX designer", "UI designer", "Product designer", "UX designer junior"]),
    ],
    missions=[
      "Conduire des entretiens et des tests utilisateurs pour comprendre les besoins.",
      "Concevoir les parcours utilisateurs, wireframes et prototypes interactifs sur Figma.",
      "Créer les interfaces et faire vivre le design system.",
      "Collaborer avec les développeurs pour garantir la qualité de l'intégration.",
      "Intégrer les exigences d'accessibilité (RGAA) dès la conception.",
      "Mesurer l'impact des évolutions et itérer.",
    ],
    req=["Figma", "les méthodes UX (personas, parcours, tests utilisateurs)", "le design d'interface", "le prototypage"],
    nice=["des notions de HTML/CSS", "l'accessibilité numérique", "Adobe Illustrator", "le motion design", "l'anglais"],
    soft=["creativite", "communication", "equipe", "curiosite"],
    diplomas=["Bac+3 à Bac+5 en design d'interaction ou UX design.", "Portfolio exigé."],
  ),
  dict(key="webdesign", group="design", weight=1.5, intros=["agence", "retail"],
    quals={"6": 2, "7": 2},
    roles=[
      ("E1210", "Web designer", ["Web designer", "Webdesigner", "Webdesigneuse", "Web designer graphiste"]),
      ("M1855", "Intégrateur / Intégratrice web", ["Intégrateur web", "Intégratrice web", "Intégrateur·rice HTML / CSS"]),
    ],
    missions=[
      "Créer les maquettes graphiques des sites et des newsletters.",
      "Intégrer les pages en HTML5 et CSS3 en responsive design.",
      "Décliner la charte graphique sur les supports web et réseaux sociaux.",
      "Mettre à jour les contenus des sites sous WordPress ou PrestaShop.",
      "Optimiser les visuels pour la performance et le référencement.",
      "Réaliser des bannières et des animations légères.",
    ],
    req=["Photoshop", "Illustrator", "HTML / CSS", "Figma", "WordPress"],
    nice=["JavaScript", "PrestaShop ou Shopify", "After Effects", "les bases du SEO", "Canva"],
    soft=["creativite", "rigueur", "autonomie"],
    diplomas=["Bac+2/3 en design graphique ou web design.", "Titre professionnel Designer web apprécié."],
  ),
  dict(key="marketing", group="marketing", weight=2.7, intros=["agence", "retail", "editeur", "groupe", "public"],
    quals={"6": 2, "7": 2, "9": 2},
    roles=[
      ("E1101", "Community manager", ["Community manager", "Community manager junior", "Assistant community manager"]),
      ("M1718", "Chargé / Chargée de marketing digital", ["Chargé de marketing digital", "Chargée de marketing digital", "Web marketer", "Chargé d'acquisition digitale"]),
      ("E1405", "Référenceur / Référenceuse SEO", ["Consultant SEO", "Chargé de référencement", "Référenceur SEO / SEA", "Chargée de référencement web"]),
    ],
    missions=[
      "Animer les réseaux sociaux de la marque (Instagram, LinkedIn, TikTok).",
      "Créer des contenus engageants : visuels, vidéos courtes, articles.",
      "Modérer les échanges et veiller à l'e-réputation.",
      "Piloter les campagnes d'acquisition (Google Ads, Meta Ads) et optimiser le budget.",
      "Suivre l'audience et le trafic avec Google Analytics 4 et produire le reporting.",
      "Optimiser le référencement naturel (SEO) : audit technique, mots-clés, netlinking.",
      "Gérer les campagnes d'e-mailing et les scénarios de marketing automation.",
      "Assurer la veille concurrentielle sur le marché digital.",
    ],
    req=["les réseaux sociaux et leurs outils de programmation", "Google Analytics 4", "Google Ads", "les techniques de rédaction web", "le référencement naturel (SEO)"],
    nice=["Canva ou la suite Adobe", "Semrush", "HubSpot ou Brevo", "WordPress", "le montage vidéo", "l'anglais"],
    soft=["creativite", "curiosite", "rigueur", "communication"],
    diplomas=["Bac+2 à Bac+5 en communication, marketing digital ou école de commerce.", "Formation en marketing digital ou community management appréciée."],
  ),
  dict(key="qa", group="qualite", weight=1.5, intros=["esn", "editeur", "groupe"],
    quals={"7": 2, "9": 3},
    roles=[
      ("M1815", "Spécialiste test et validation logiciel ou application", ["Testeur QA", "Testeur logiciel", "Ingénieur QA", "QA engineer", "Ingénieur test et validation", "Testeuse"]),
    ],
    missions=[
      "Rédiger les plans de test et les cas de test à partir des spécifications.",
      "Exécuter les campagnes de tests fonctionnels et de non-régression.",
      "Automatiser les tests avec Selenium, Cypress ou Playwright.",
      "Documenter les anomalies dans Jira et suivre leur correction avec les développeurs.",
      "Participer aux tests de performance et aux tests d'accessibilité.",
      "Contribuer à l'amélioration continue de la stratégie de test.",
    ],
    req=["la rédaction de cas de test", "Jira / Xray", "Selenium, Cypress ou Playwright", "les tests d'API (Postman)", "SQL"],
    nice=["l'ISTQB", "Java ou Python", "JMeter", "Gherkin / Cucumber", "l'intégration continue"],
    soft=["rigueur", "communication", "curiosite"],
    diplomas=["Bac+3 à Bac+5 en informatique.", "Certification ISTQB Foundation appréciée."],
  ),
  dict(key="mediateur", group="mediation", weight=1.2, intros=["public"],
    quals={"6": 5, "7": 1},
    roles=[
      ("G1238", "Médiateur / Médiatrice numérique", ["Médiateur numérique", "Médiatrice numérique", "Conseiller numérique", "Conseillère numérique", "Animateur multimédia"]),
    ],
    missions=[
      "Accompagner les habitants dans l'usage des outils numériques et des démarches en ligne.",
      "Animer des ateliers collectifs d'initiation (smartphone, messagerie, sécurité en ligne).",
      "Proposer des permanences individuelles en espace France Services et en médiathèque.",
      "Concevoir des supports pédagogiques adaptés aux publics éloignés du numérique.",
      "Sensibiliser aux usages responsables des réseaux sociaux et à la protection des données.",
      "Développer des partenariats avec les associations et les services sociaux.",
      "Assurer le suivi de l'activité et des bénéficiaires.",
    ],
    req=["les outils numériques du quotidien (smartphone, tablette, ordinateur)", "les démarches administratives en ligne", "l'animation de groupe"],
    nice=["le Pass numérique ou Aidants Connect", "le certificat Pix", "l'accompagnement social", "le permis B"],
    soft=["service", "communication", "creativite", "equipe"],
    diplomas=["Titre professionnel Responsable d'espace de médiation numérique ou équivalent.", "Bac à Bac+2, formation de conseiller numérique appréciée."],
  ),
  dict(key="dba", group="data", weight=1.0, intros=["esn", "groupe", "editeur"],
    quals={"9": 3, "7": 2},
    roles=[
      ("M1894", "Administrateur / Administratrice de bases de données", ["Administrateur de bases de données", "DBA Oracle", "Administrateur PostgreSQL", "Database administrator", "DBA SQL Server"]),
    ],
    missions=[
      "Administrer et maintenir les bases de données Oracle, SQL Server et PostgreSQL.",
      "Assurer les sauvegardes, les restaurations et les tests de reprise.",
      "Optimiser les performances et les requêtes SQL.",
      "Mettre en place la réplication et la haute disponibilité.",
      "Gérer les droits d'accès et la sécurité des données.",
      "Accompagner les équipes de développement sur la conception des schémas.",
    ],
    req=["Oracle", "SQL Server", "PostgreSQL", "le langage SQL et PL/SQL", "Linux"],
    nice=["MongoDB", "Ansible", "le cloud (RDS, Azure SQL)", "les scripts Bash ou Python"],
    soft=["rigueur", "autonomie", "reactivite"],
    diplomas=["Bac+3 à Bac+5 en informatique."],
  ),
  dict(key="erp", group="gestion", weight=2.0, intros=["esn", "editeur", "groupe"],
    quals={"9": 5, "7": 1},
    roles=[
      ("M1806", "Consultant / Consultante ERP - Enterprise Resource Planning", ["Consultant fonctionnel ERP", "Consultant SAP FI/CO", "Consultante fonctionnelle Sage X3", "Consultant Dynamics 365", "Business analyst"]),
      ("M1813", "Paramétreur / Paramétreuse logiciel ERP", ["Paramétreur ERP", "Intégrateur ERP", "Chef de projet ERP"]),
    ],
    missions=[
      "Analyser les processus métiers des clients (finance, achats, stocks, production).",
      "Paramétrer l'ERP et rédiger les spécifications fonctionnelles.",
      "Animer les ateliers avec les utilisateurs clés.",
      "Préparer et conduire la recette fonctionnelle.",
      "Former les utilisateurs et rédiger les supports.",
      "Assurer le support fonctionnel après le démarrage.",
    ],
    req=["un ERP (SAP, Sage X3, Microsoft Dynamics 365 ou Odoo)", "les processus de gestion (comptabilité, achats, logistique)", "la rédaction de spécifications fonctionnelles"],
    nice=["SQL", "l'anglais", "les méthodes agiles", "une certification éditeur"],
    soft=["communication", "rigueur", "equipe"],
    diplomas=["Bac+5 en gestion, finance ou systèmes d'information.", "Bac+3 avec une expérience significative en paramétrage d'ERP."],
  ),
]

NON_DIGITAL = [
  dict(key="nd_vente", rome="D1214", appel="Vendeur / Vendeuse en prêt-à-porter", titles=["Vendeur / Vendeuse en prêt-à-porter", "Conseiller de vente textile", "Vendeur en boutique"], qual="6",
       text=["Au sein de notre boutique de {city}, vous accueillez et conseillez la clientèle, assurez la mise en rayon et le réassort, et participez à l'encaissement.", "Vous veillez à la bonne tenue du magasin et à la présentation des collections.", "Une première expérience dans la vente est appréciée. Le sens du contact client est indispensable.", "Vous utilisez la caisse et le logiciel de gestion des stocks de la boutique."]),
  dict(key="nd_caisse", rome="D1505", appel="Hôte / Hôtesse de caisse", titles=["Hôte / Hôtesse de caisse", "Employé de caisse"], qual="5",
       text=["Vous assurez l'encaissement des clients et l'accueil en caisse dans notre supermarché.", "Vous participez au réassort des rayons en période creuse.", "Horaires en journée, travail le samedi. Débutants acceptés."]),
  dict(key="nd_infirmier", rome="J1506", appel="Infirmier / Infirmière de soins généraux", titles=["Infirmier / Infirmière", "Infirmier diplômé d'État (IDE)", "Infirmière de nuit"], qual="7",
       text=["Au sein de notre établissement, vous dispensez les soins aux patients et résidents, assurez la surveillance de leur état de santé et la traçabilité dans le dossier de soins informatisé.", "Vous travaillez en lien avec les médecins, les aides-soignants et les familles.", "Diplôme d'État d'infirmier exigé. Respect des protocoles d'hygiène."]),
  dict(key="nd_as", rome="J1501", appel="Aide-soignant / Aide-soignante", titles=["Aide-soignant / Aide-soignante", "Aide-soignante en EHPAD"], qual="6",
       text=["Vous accompagnez les résidents dans les actes de la vie quotidienne et réalisez les soins d'hygiène et de confort.", "Vous participez à la surveillance de l'état de santé des patients et transmettez vos observations à l'équipe infirmière.", "Diplôme d'État d'aide-soignant exigé. Travail un week-end sur deux."]),
  dict(key="nd_prepa", rome="N1103", appel="Préparateur / Préparatrice de commandes", titles=["Préparateur de commandes", "Préparatrice de commandes", "Préparateur de commandes CACES 1"], qual="2",
       text=["Dans notre entrepôt, vous préparez les commandes à l'aide d'un terminal de lecture, contrôlez les colis et participez au chargement des camions.", "Vous respectez les consignes de sécurité et les gestes et postures de manutention.", "CACES R489 catégorie 1 apprécié. Horaires en équipes."]),
  dict(key="nd_macon", rome="F1703", appel="Maçon / Maçonne", titles=["Maçon / Maçonne", "Maçon VRD", "Maçon coffreur"], qual="3",
       text=["Vous réalisez les travaux de maçonnerie sur nos chantiers de maisons individuelles : montage de murs en parpaing, coffrage, coulage du béton.", "Vous savez lire les plans et respecter les règles de sécurité.", "Permis B souhaité. Expérience de 2 ans en maçonnerie gros œuvre."]),
  dict(key="nd_cuisine", rome="G1602", appel="Commis / Commise de cuisine", titles=["Commis de cuisine", "Commise de cuisine", "Aide de cuisine"], qual="5",
       text=["Vous assurez la mise en place, la préparation des entrées et des desserts et l'entretien de la cuisine.", "Vous respectez les règles d'hygiène HACCP.", "Service du midi et du soir, deux jours de repos consécutifs."]),
  dict(key="nd_compta", rome="M1203", appel="Comptable", titles=["Comptable", "Comptable fournisseurs", "Comptable général"], qual="7",
       text=["Au sein du service comptable, vous saisissez les écritures, réalisez les rapprochements bancaires et préparez les déclarations de TVA.", "Vous participez aux clôtures mensuelles et à la préparation du bilan.", "Maîtrise d'Excel et d'un logiciel comptable (Sage, Cegid). BTS comptabilité ou DCG."]),
  dict(key="nd_secr", rome="M1607", appel="Secrétaire", titles=["Secrétaire", "Assistant administratif", "Secrétaire médicale"], qual="6",
       text=["Vous assurez l'accueil physique et téléphonique, la gestion de l'agenda et le traitement du courrier.", "Vous rédigez et mettez en forme les documents sur Word et Excel.", "Bonne orthographe et sens de l'organisation indispensables."]),
  dict(key="nd_pl", rome="N4101", appel="Conducteur / Conductrice de poids lourd", titles=["Chauffeur poids lourd", "Conducteur routier PL", "Chauffeur SPL"], qual="3",
       text=["Vous assurez la livraison de marchandises auprès de nos clients régionaux au volant d'un porteur.", "Vous effectuez le chargement et le déchargement et contrôlez les documents de transport.", "Permis C et FIMO/FCO à jour exigés."]),
  dict(key="nd_elec", rome="F1602", appel="Electricien / Electricienne du bâtiment", titles=["Électricien bâtiment", "Électricienne du bâtiment", "Électricien tertiaire"], qual="3",
       text=["Vous réalisez les installations électriques en logement neuf et en tertiaire : saignées, passage de gaines, câblage des tableaux.", "Vous intervenez également sur les courants faibles.", "Habilitation électrique B1V/BR exigée. CAP/BEP électricité."]),
  dict(key="nd_meca", rome="I1604", appel="Mécanicien / Mécanicienne automobile", titles=["Mécanicien automobile", "Mécanicienne automobile", "Mécanicien polyvalent VL"], qual="3",
       text=["Vous réalisez l'entretien et les réparations des véhicules : vidanges, freinage, distribution, diagnostic électronique à la valise.", "Vous conseillez les clients sur les interventions à prévoir.", "CAP/Bac Pro maintenance des véhicules. Débutants motivés acceptés."]),
]

# Regional multipliers on family weights (territorial specialities).
REGIONAL_BIAS = {
    "11": {"data_analyst": 1.6, "data_engineer": 1.8, "data_scientist": 2.0, "po_sm": 1.5, "cloud": 1.4, "devops": 1.2, "erp": 1.2,
           "fibre": 0.3, "maintenance": 0.6, "support": 0.75, "mediateur": 0.4, "dev_embarque": 0.6, "cyber": 1.2},
    "84": {"dev_embarque": 1.8, "devops": 1.1, "dev_logiciel": 1.1},
    "76": {"dev_embarque": 6.0, "data_scientist": 0.8, "qa": 1.3},
    "75": {"fibre": 1.8, "maintenance": 1.3, "mediateur": 1.5, "dev_web": 1.1},
    "93": {"dev_embarque": 1.8, "tech_reseau": 1.6, "dev_mobile": 1.4},
    "32": {"support": 1.6, "marketing": 1.8, "data_analyst": 1.2, "webdesign": 1.3},
    "52": {"dev_web": 1.2, "qa": 1.4, "dev_logiciel": 1.1},
    "44": {"erp": 1.6, "maintenance": 1.3, "dev_embarque": 1.3},
    "53": {"soc": 3.0, "cyber": 3.0, "pentest": 3.0, "tech_reseau": 1.5, "fibre": 1.5, "data_scientist": 0.6},
    "28": {"fibre": 4.0, "maintenance": 1.5, "mediateur": 2.5, "support": 1.2},
    "24": {"fibre": 4.0, "maintenance": 1.5, "mediateur": 2.5, "support": 1.3},
    "27": {"fibre": 4.0, "maintenance": 1.5, "mediateur": 2.5, "dev_embarque": 1.4},
    "94": {"mediateur": 4.0, "support": 1.8, "maintenance": 2.0, "fibre": 2.0, "data_scientist": 0.2, "data_engineer": 0.3, "cyber": 0.4, "pentest": 0.1, "po_sm": 0.3},
    "01": {"mediateur": 4.0, "support": 1.8, "maintenance": 2.0, "fibre": 2.0, "data_scientist": 0.2, "data_engineer": 0.3, "cyber": 0.4, "pentest": 0.1, "po_sm": 0.3},
    "02": {"mediateur": 4.0, "support": 1.8, "maintenance": 2.0, "fibre": 2.0, "data_scientist": 0.2, "data_engineer": 0.3, "cyber": 0.4, "pentest": 0.1, "po_sm": 0.3},
    "03": {"mediateur": 5.0, "support": 1.8, "maintenance": 2.0, "fibre": 2.5, "data_scientist": 0.1, "data_engineer": 0.2, "cyber": 0.3, "pentest": 0.1, "po_sm": 0.2},
    "04": {"mediateur": 3.0, "support": 1.6, "maintenance": 1.8, "fibre": 1.8, "data_scientist": 0.3, "data_engineer": 0.4, "cyber": 0.6, "pentest": 0.2},
    "06": {"mediateur": 6.0, "support": 2.0, "maintenance": 2.0, "fibre": 2.5, "data_scientist": 0.1, "data_engineer": 0.1, "cyber": 0.2, "pentest": 0.1, "po_sm": 0.1},
}
REGIONAL_FLAVOUR = {
    "76": ["Vous interviendrez sur des projets pour nos clients de l'aéronautique et du spatial.", "Poste basé dans le bassin aéronautique toulousain."],
    "53": ["Vous rejoindrez l'écosystème cyber rennais, au plus près des acteurs de la défense.", "Notre centre de cyberdéfense est situé en Bretagne."],
    "93": ["Poste basé sur la technopole de Sophia Antipolis ou à proximité.", "Vous travaillerez pour des acteurs de la microélectronique et des télécoms du sud-est."],
    "84": ["Vous rejoindrez notre site au cœur du pôle numérique et microélectronique de la région."],
    "32": ["Vous travaillerez pour des enseignes de la distribution et du e-commerce du Nord."],
    "01": ["Déplacements ponctuels sur l'ensemble de l'archipel guadeloupéen."],
    "02": ["Interventions sur l'ensemble du territoire martiniquais."],
    "03": ["Déplacements à prévoir sur les communes de l'intérieur de la Guyane."],
    "04": ["Vous interviendrez sur toute l'île de La Réunion."],
    "06": ["Poste à Mayotte, déplacements sur Grande-Terre et Petite-Terre."],
    "94": ["Déplacements à prévoir sur l'ensemble de la Corse."],
}

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------
ABBREV = [(r"\bJavaScript\b", "JS"), (r"\bKubernetes \(K8s\)", "K8s"), (r"\bKubernetes\b", "K8s"), (r"\bbases? de données\b", "BDD"),
          (r"\bintégration continue\b", "CI/CD"), (r"\bPostgreSQL\b", "Postgres"), (r"\bmachine learning\b", "ML"),
          (r"\bintelligence artificielle\b", "IA"), (r"\bActive Directory\b", "AD")]

ND_PROFILE = ["Vous êtes ponctuel·le, rigoureux·se et vous appréciez le travail en équipe.",
              "Nous recherchons une personne motivée, fiable et souriante, capable de s'adapter au rythme de l'activité.",
              "Le poste demande de la polyvalence, de l'organisation et un bon sens du contact.",
              "Vous savez utiliser les outils informatiques courants (messagerie, tableur) et vous êtes prêt·e à être formé·e à nos logiciels internes."]
ND_BENEFITS = ["Rémunération selon la convention collective, primes mensuelles et mutuelle d'entreprise.",
               "Poste à pourvoir dès que possible, période d'essai de deux mois.",
               "Tickets restaurant, prime d'ancienneté et participation aux frais de transport.",
               "Possibilité d'évolution au sein de l'entreprise après une période de formation en interne.",
               "Horaires fixes du lundi au vendredi, 35 heures hebdomadaires.",
               "Travail en équipe de {t} personnes, dans une ambiance conviviale."]
ND_INTROS = ["{co} est une entreprise familiale de {n} salariés installée à {city}.", "{co} recrute pour son site de {city}.",
             "Rejoignez {co}, acteur reconnu de son secteur dans la région.", "Dans le cadre de son développement, {co} renforce ses équipes."]


def wchoice(rng, weights):
    keys = list(weights)
    total = sum(weights[k] for k in keys)
    x = rng.random() * total
    for k in keys:
        x -= weights[k]
        if x < 0:
            return k
    return keys[-1]


def company_name(rng, kind):
    if kind == "public":
        return rng.choice(PUBLIC_FORMS).format(p=rng.choice(PUBLIC_P))
    n = rng.choice(NAME_A) + rng.choice(NAME_B)
    return rng.choice(NAME_FORMS).format(n=n)


def fill(rng, s, ctx):
    return s.format(co=ctx["co"], city=ctx["city"], n=rng.choice([25, 40, 80, 120, 250, 400, 900, 1500, 3000]),
                    year=rng.randint(1998, 2021), age=rng.choice([10, 15, 20, 25, 30]), k=rng.randint(2, 9),
                    m=rng.choice([3, 5, 8, 12, 20, 35]), t=rng.choice([6, 8, 12, 15, 20, 30]),
                    sector=ctx["sector"], d=rng.choice([1, 2, 2, 3]), p=rng.choice([50, 60, 70, 80, 100]))


def lower_first(s):
    return s[0].lower() + s[1:] if s and not s[:2].isupper() else s


def join_list(xs):
    if len(xs) == 1:
        return xs[0]
    return ", ".join(xs[:-1]) + " et " + xs[-1]


def pick_date(rng):
    # day offset from 2026-06-01 to 2026-11-20 (inclusive): 172 days
    month_days = [(6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 20)]
    total = sum(d for _, d in month_days)
    off = rng.randrange(total)
    for m, d in month_days:
        if off < d:
            day = off + 1
            break
        off -= d
    hh, mm, ss, ms = rng.randint(6, 21), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)
    created = (2026, m, day, hh, mm, ss, ms)
    # actualisation: same day or a few days later, within the same month, never after 2026-11-20
    last = 20 if m == 11 else dict(month_days)[m]
    aday = min(last, day + rng.choice([0, 0, 0, 1, 2, 5]))
    upd = (2026, m, aday, hh if aday > day else hh, mm, min(59, ss + 1), ms)
    fmt = "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ"
    return fmt % created, fmt % upd


def location(rng, reg, city_row):
    insee, name, dep, pc, lat, lon, _ = city_row
    r = rng.random()
    upper = insee[:3] in ("751", "693", "132") and rng.random() < 0.2
    if upper:
        arr = int(insee[3:])
        base = {"751": "PARIS", "693": "LYON", "132": "MARSEILLE"}[insee[:3]]
        label = "%s - %s %02d" % (dep, base, arr)
    else:
        label = "%s - %s" % (dep, name)
    jlat = round(lat + rng.uniform(-0.004, 0.004), 6)
    jlon = round(lon + rng.uniform(-0.004, 0.004), 6)
    if r < 0.018:       # département only
        lt = {"libelle": "%s - %s" % (dep, DEPT_NAMES.get(dep, name))}
        if rng.random() < 0.4:
            lt.update(latitude=jlat, longitude=jlon)
        return lt, "no_commune"
    if r < 0.026:       # région only
        return {"libelle": REGIONS[reg][0] if rng.random() < 0.6 else DEPT_NAMES.get(dep, name)}, "no_commune"
    if r < 0.030:       # postcode but no commune
        return {"libelle": label, "latitude": jlat, "longitude": jlon, "codePostal": pc}, "postcode_only"
    lt = {"libelle": label, "latitude": jlat, "longitude": jlon, "codePostal": pc, "commune": insee}
    if rng.random() < 0.02:   # a few real-looking records lack coordinates
        del lt["latitude"], lt["longitude"]
    return lt, "full"


def contract(rng, fam_key, senior):
    w = {"CDI": 60, "CDD": 10, "MIS": 9, "ALT": 14, "SAI": 0.0}
    if fam_key in ("support", "maintenance", "fibre", "exploitation", "tech_reseau"):
        w.update(MIS=18, CDD=12, SAI=2.0)
    if fam_key in ("mediateur",):
        w.update(CDD=30, CDI=40, SAI=1.5, MIS=2)
    if fam_key in ("marketing", "webdesign"):
        w.update(SAI=1.0, ALT=20)
    if senior:
        w.update(ALT=1, MIS=w["MIS"] / 2)
    k = wchoice(rng, w)
    if k == "CDI":
        return dict(typeContrat="CDI", typeContratLibelle="CDI", natureContrat="Contrat travail", alternance=False)
    if k == "CDD":
        mo = rng.choice([3, 6, 6, 9, 12, 12, 18, 24])
        return dict(typeContrat="CDD", typeContratLibelle="CDD - %d Mois" % mo, natureContrat="Contrat travail", alternance=False)
    if k == "MIS":
        mo = rng.choice([1, 2, 3, 3, 6, 6, 12, 18])
        return dict(typeContrat="MIS", typeContratLibelle="Intérim - %d Mois" % mo, natureContrat="Contrat travail", alternance=False)
    if k == "SAI":
        mo = rng.choice([2, 3, 4])
        return dict(typeContrat="SAI", typeContratLibelle="Saisonnier - %d Mois" % mo, natureContrat="Contrat travail", alternance=False)
    mo = rng.choice([12, 12, 12, 24, 24, 36])
    nat = "Contrat apprentissage" if rng.random() < 0.75 else "Cont. professionnalisation"
    return dict(typeContrat="CDD", typeContratLibelle="CDD - %d Mois" % mo, natureContrat=nat, alternance=True)


def experience(rng, alt, qual):
    if alt:
        return "D", "Débutant accepté"
    r = rng.random()
    if r < 0.30:
        return "D", rng.choice(["Débutant accepté"] * 6 + ["Débutant accepté - Expérience appréciée", "Débutant accepté - si diplôme"])
    if r < 0.45:
        return "S", "Expérience souhaitée"
    years = [1, 2, 2, 3, 3, 5] if qual != "9" else [2, 3, 3, 5, 5, 7, 10]
    y = rng.choice(years)
    if rng.random() < 0.15:
        return "E", "%d Mois" % (y * 12 if y <= 3 else 6)
    return "E", "%d An(s)" % y


def make_title(rng, base, exp_code, exp_lib, alt):
    t = base
    if alt:
        t = rng.choice(["Alternance - {t}", "{t} en alternance", "Apprenti·e {tl}", "{t} - Alternance"]).format(t=t, tl=lower_first(t))
    elif exp_code == "E" and rng.random() < 0.3:
        y = int(re.match(r"\d+", exp_lib).group()) if re.match(r"\d+", exp_lib) else 1
        if "An" in exp_lib and y >= 5:
            t += rng.choice([" senior", " confirmé", " expérimenté"])
        elif "An" in exp_lib and y >= 2:
            t += rng.choice([" confirmé", ""])
    elif exp_code == "D" and rng.random() < 0.15:
        t += " junior"
    suffix = rng.choice([" (H/F)"] * 9 + [" H/F"] * 3 + [" (F/H)"] * 2 + [" - H/F", " F/H", " (h/f)", ""] )
    return t + suffix


def tech_phrases(rng, fam, n_req, n_nice):
    req = rng.sample(fam["req"], min(n_req, len(fam["req"])))
    nice = rng.sample(fam["nice"], min(n_nice, len(fam["nice"])))
    return req, nice


REQ_SAFE = ["Indispensable : {x}.", "Exigé : {x}.", "Prérequis : {x}."]
NICE_SAFE = ["{X} serait un plus.", "Bonus : {x}.", "{X} : souhaité.", "Apprécié : {x}."]


def is_credential(x):
    """Items that are not knowledge (licence, certification, experience) take neutral phrasings."""
    return bool(re.match(r"^(une? |des? |le permis|l'AIPR|le CACES|la qualification|la norme)", x)) or \
        any(w in x for w in ("certification", "permis", "habilitation", "expérience", "Pass numérique"))


def render_req(rng, req):
    out = []
    if len(req) >= 2 and rng.random() < 0.5:
        forms = REQ_SAFE if any(is_credential(x) for x in req) else REQ_FORMS
        out.append(rng.choice(forms).format(x=join_list(req)))
    else:
        for x in req:
            out.append(rng.choice(REQ_SAFE if is_credential(x) else REQ_FORMS).format(x=x))
    return out


def render_nice(rng, nice):
    out = []
    if len(nice) >= 2 and rng.random() < 0.5:
        x = join_list(nice)
        forms = NICE_SAFE if any(is_credential(y) for y in nice) else NICE_FORMS
        out.append(rng.choice(forms).format(x=x, X=x[0].upper() + x[1:]).replace(" serait un plus", " seraient un plus"))
    else:
        for x in nice:
            out.append(rng.choice(NICE_SAFE if is_credential(x) else NICE_FORMS).format(x=x, X=x[0].upper() + x[1:]))
    return out


def env_line(rng, req, nice):
    tools = [re.sub(r"^(les |la |le |l'|un |une |des )", "", t) for t in req + nice]
    rng.shuffle(tools)
    return rng.choice(HEAD_ENV) + " " + ", ".join(tools) + "."


def word_count(text):
    return len(re.findall(r"\S+", text))


def build_digital_description(rng, fam, ctx, alt, exp_code, reg):
    soft_keys = rng.sample(fam["soft"], min(len(fam["soft"]), rng.randint(1, 3)))
    style = rng.random()
    intro_kind = ctx["intro_kind"]
    intro = [fill(rng, s, ctx) for s in rng.sample(INTROS[intro_kind], rng.randint(1, 2))]
    missions = rng.sample(fam["missions"], min(len(fam["missions"]), rng.randint(3, 7)))
    req, nice = tech_phrases(rng, fam, rng.randint(1, 4), rng.randint(0, 3))
    soft = [rng.choice(SOFT[k]) for k in soft_keys]
    diploma = rng.choice(fam["diplomas"])
    benefits = [fill(rng, b, ctx) for b in rng.sample(BENEFITS, rng.randint(0, 4))]
    flavour = REGIONAL_FLAVOUR.get(reg, []) if rng.random() < 0.45 else []
    alt_line = []
    if alt:
        alt_line = [rng.choice([
            "Contrat en alternance de 12 à 24 mois, en lien avec votre école ou votre centre de formation.",
            "Rythme d'alternance : 3 semaines en entreprise, 1 semaine en formation.",
            "Vous préparez un diplôme de niveau Bac+2 à Bac+5 en alternance ; nous vous accompagnons avec un tuteur dédié.",
        ])]
    if style < 0.025:   # very short posting
        s = [rng.choice(missions)]
        if req:
            s.append(rng.choice(REQ_FORMS).format(x=req[0]))
        if rng.random() < 0.5:
            s.append(rng.choice(["Poste à pourvoir rapidement.", "Candidature par CV.", "Rémunération selon profil.", "Merci d'envoyer votre CV."]))
        return " ".join(s), soft_keys
    blocks = []
    if style < 0.50:    # sections with headings and bullets
        if rng.random() < 0.85:
            blocks.append(" ".join(intro + (flavour[:1] if rng.random() < 0.5 else [])))
        blocks.append(rng.choice(HEAD_MISSIONS) + "\n" + "\n".join("- " + m for m in missions))
        if rng.random() < 0.6:
            blocks.append(env_line(rng, req, nice))
        prof = [diploma] + render_req(rng, req) + render_nice(rng, nice) + soft
        blocks.append(rng.choice(HEAD_PROFILE) + "\n" + "\n".join(("- " + p) if rng.random() < 0.6 else p for p in prof))
        if alt_line:
            blocks.append(alt_line[0])
        if benefits:
            blocks.append(rng.choice(HEAD_BENEF) + "\n" + "\n".join("- " + b for b in benefits))
        if flavour and rng.random() < 0.5:
            blocks.append(flavour[-1])
    else:               # prose
        openings = ["Nous recherchons un·e {t} pour rejoindre notre équipe.", "Dans le cadre de notre croissance, nous recrutons un(e) {t}.",
                    "Vous souhaitez donner du sens à votre métier de {t} ?", "Rattaché·e au responsable d'équipe, vous intervenez en tant que {t}."]
        if intro_kind == "esn":
            openings += ["Pour l'un de nos clients, nous recherchons un·e {t}.", "Notre client recherche un·e {t}."]
        opening = rng.choice(openings).format(t=lower_first(ctx["role"]))
        first = intro + [opening] if rng.random() < 0.6 else [opening] + intro
        blocks.append(" ".join(first + flavour[:1]))
        mtxt = ["Vous serez notamment chargé·e de " + lower_first(missions[0]).rstrip(".") + "."]
        mtxt += [rng.choice(["Vous devrez également ", "Vous aurez aussi pour mission de ", "Il vous appartiendra de ",
                             "Vous serez amené·e à ", "Vous pourrez aussi "]) + lower_first(m) for m in missions[1:]]
        blocks.append(" ".join(mtxt))
        prof = render_req(rng, req) + render_nice(rng, nice)
        rng.shuffle(prof)
        blocks.append(" ".join([diploma] + prof + soft))
        if alt_line:
            blocks.append(alt_line[0])
        if benefits:
            blocks.append(" ".join(benefits))
    text = "\n\n".join(b for b in blocks if b)
    # keep between 80 and 350 words
    while word_count(text) > 350 and len(blocks) > 2:
        blocks.pop(0 if rng.random() < 0.3 else -1)
        text = "\n\n".join(blocks)
    extra = [m for m in fam["missions"] if m not in missions]
    while word_count(text) < 80 and extra:
        text += "\n" + ("- " if style < 0.5 else "") + extra.pop(0)
    fillers = [rng.choice(SOFT[k]) for k in fam["soft"] if k not in soft_keys] + \
              [fill(rng, b, ctx) for b in BENEFITS if fill(rng, b, ctx) not in benefits]
    while word_count(text) < 80 and fillers:
        text += ("\n" if style < 0.5 else " ") + fillers.pop(0)
    return text, soft_keys


def fix_french(text):
    """Contract prepositions and articles produced by template filling."""
    text = re.sub(r"\b([Dd])e les ", r"\1es ", text)
    text = re.sub(r"\b([Dd])e le ", lambda m: ("D" if m.group(1) == "D" else "d") + "u ", text)
    text = re.sub(r"\b([Dd])e (?=[aeiouyéèêâîôûAEIOUYÉ])", r"\1'", text)
    text = re.sub(r"\b([Ll])a (?=[aeiouyéAEIOUYÉ])", r"\1'", text)
    return text


def apply_abbreviations(rng, text):
    if rng.random() < 0.35:
        for pat, rep in ABBREV:
            if rng.random() < 0.5:
                text = re.sub(pat, rep, text, count=1)
    return text


def pick_competences(rng, rome, text):
    cands = []
    per_concept = {}
    for ogr, lib, concept in ROME_ITEMS.get(rome, []):
        if per_concept.get(concept, 0) >= 2:
            continue
        if re.search(CONCEPT_TRIGGERS[concept], text, re.I):
            cands.append((ogr, lib))
            per_concept[concept] = per_concept.get(concept, 0) + 1
    if len(cands) < 2:
        return []
    k = rng.randint(2, min(8, len(cands)))
    chosen = rng.sample(cands, k)
    return [{"code": o, "libelle": l, "exigence": "E" if rng.random() < 0.3 else "S"} for o, l in chosen]


def qualites(rng, soft_keys):
    keys = [SOFT_TO_QUALITE[k] for k in soft_keys if k in SOFT_TO_QUALITE]
    pool = [k for k in QUALITES if k not in keys]
    keys += rng.sample(pool, rng.randint(0, 2))
    keys = keys[:3]
    return [{"libelle": QUALITES[k][0], "description": QUALITES[k][1]} for k in keys]


def salary(rng, qual, typ):
    lo, hi = rng.choice(SALARIES.get(qual, [(21, 26)]))
    a = rng.randint(lo, hi)
    b = a + rng.choice([0, 3, 5, 8])
    if qual in ("5", "6", "3", "2") or typ == "MIS" or rng.random() < 0.3:
        m1 = round(a * 1000 / 12, -1)
        lib = "Mensuel de %.1f Euros sur 12.0 mois" % m1 if b == a else "Mensuel de %.1f Euros à %.1f Euros sur 12.0 mois" % (m1, round(b * 1000 / 12, -1))
    else:
        lib = "Annuel de %.1f Euros sur 12.0 mois" % (a * 1000) if b == a else "Annuel de %.1f Euros à %.1f Euros sur 12.0 mois" % (a * 1000, b * 1000)
    sal = {"libelle": lib}
    if rng.random() < 0.4:
        sal["complement1"] = rng.choice(["Tickets restaurant", "Mutuelle", "Primes", "Participation/intéressement"])
    return sal


def region_family_weights(reg):
    bias = REGIONAL_BIAS.get(reg, {})
    return {i: f["weight"] * bias.get(f["key"], 1.0) for i, f in enumerate(FAMILIES)}


def generate(n=N_POSTINGS, seed=SEED):
    rng = random.Random(seed)
    n_nd = int(round(n * NON_DIGITAL_SHARE))
    kinds = ["nd"] * n_nd + ["d"] * (n - n_nd)
    rng.shuffle(kinds)
    out = []
    for i, kind in enumerate(kinds, 1):
        if kind == "d":
            reg = wchoice(rng, {r: v[1] for r, v in REGIONS.items()})
        else:
            reg = wchoice(rng, {r: v[2] for r, v in REGIONS.items()})
        city_row = CITIES[reg][wchoice(rng, {j: c[6] for j, c in enumerate(CITIES[reg])})]
        created, updated = pick_date(rng)
        lieu, _ = location(rng, reg, city_row)
        ctx = {"city": city_row[1].split(" ")[0] if city_row[0][:3] in ("751", "693", "132") else city_row[1],
               "sector": rng.choice(SECTORS)}
        if kind == "d":
            fam = FAMILIES[wchoice(rng, region_family_weights(reg))]
            rome, appel, titles = fam["roles"][rng.randrange(len(fam["roles"]))]
            base_title = rng.choice(titles)
            qual = wchoice(rng, fam["quals"])
            ctx["intro_kind"] = rng.choice(fam["intros"])
            ctx["co"] = company_name(rng, ctx["intro_kind"])
            ctx["role"] = re.sub(r"\s*\(.*\)$", "", base_title)
            senior = qual == "9" and rng.random() < 0.4
            c = contract(rng, fam["key"], senior)
            exp_code, exp_lib = experience(rng, c["alternance"], qual)
            desc, soft_keys = build_digital_description(rng, fam, ctx, c["alternance"], exp_code, reg)
            desc = fix_french(apply_abbreviations(rng, desc))
            family_key = fam["key"]
        else:
            nd = rng.choice(NON_DIGITAL)
            rome, appel, base_title, qual = nd["rome"], nd["appel"], rng.choice(nd["titles"]), nd["qual"]
            ctx["co"] = company_name(rng, "x")
            c = contract(rng, "nd", False)
            if c["alternance"] and rng.random() < 0.6:
                c = dict(typeContrat="CDI", typeContratLibelle="CDI", natureContrat="Contrat travail", alternance=False)
            exp_code, exp_lib = experience(rng, c["alternance"], qual)
            parts = [fill(rng, rng.choice(ND_INTROS), ctx)] if rng.random() < 0.7 else []
            parts += [fill(rng, t, ctx) for t in nd["text"]]
            parts.append(rng.choice(ND_PROFILE))
            parts += [fill(rng, b, ctx) for b in rng.sample(ND_BENEFITS, rng.randint(1, 3))]
            more = [fill(rng, b, ctx) for b in ND_BENEFITS + ND_PROFILE]
            more = [m for m in more if m not in parts]
            rng.shuffle(more)
            while word_count(" ".join(parts)) < 80 and more:
                parts.append(more.pop())
            desc = ("\n" if rng.random() < 0.5 else " ").join(parts)
            soft_keys = rng.sample(["rigueur", "equipe", "service", "reactivite", "autonomie"], 2)
            family_key = nd["key"]
        title = make_title(rng, base_title, exp_code, exp_lib, c["alternance"])
        rec = {
            "id": "DEMO%05d" % i,
            "intitule": title,
            "description": desc,
            "dateCreation": created,
            "dateActualisation": updated,
            "lieuTravail": lieu,
            "romeCode": rome,
            "romeLibelle": ROME_LABELS[rome],
            "appellationlibelle": appel,
        }
        ent = {"nom": ctx["co"]} if rng.random() < 0.92 else {}
        ent["entrepriseAdaptee"] = False
        rec["entreprise"] = ent
        rec["typeContrat"] = c["typeContrat"]
        rec["typeContratLibelle"] = c["typeContratLibelle"]
        rec["natureContrat"] = c["natureContrat"]
        rec["experienceExige"] = exp_code
        rec["experienceLibelle"] = exp_lib
        if rng.random() < 0.62:
            comps = pick_competences(rng, rome, desc)
            if comps:
                rec["competences"] = comps
        if rng.random() < 0.55:
            rec["salaire"] = salary(rng, qual, c["typeContrat"])
        else:
            rec["salaire"] = {}
        rec["dureeTravailLibelleConverti"] = "Temps plein" if rng.random() < 0.93 else "Temps partiel"
        rec["alternance"] = c["alternance"]
        rec["nombrePostes"] = 1 if rng.random() < 0.9 else rng.choice([2, 2, 3, 5])
        rec["accessibleTH"] = rng.random() < 0.08
        rec["qualificationCode"] = qual
        rec["qualificationLibelle"] = QUALIFICATIONS[qual]
        if rng.random() < 0.4:
            rec["qualitesProfessionnelles"] = qualites(rng, soft_keys)
        rec["_demo"] = {"family": family_key, "region": reg}
        out.append(rec)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo_offers.jsonl"))
    ap.add_argument("--with-meta", action="store_true", help="keep the _demo {family, region} helper field")
    args = ap.parse_args()
    recs = generate()
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            if not args.with_meta:
                r = {k: v for k, v in r.items() if k != "_demo"}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")



# --- Generated reference tables (facts: INSEE codes, postcodes, coordinates, ROME 4.0 codes and item labels) ---
# CITIES[region] = [insee, display name, département, postcode, lat, lon, weight]
CITIES = {
    '11': [
        ["75101", "Paris 1er Arrondissement", "75", "75001", 48.8626, 2.3363, 2],
        ["75102", "Paris 2e Arrondissement", "75", "75002", 48.8679, 2.3441, 4],
        ["75108", "Paris 8e Arrondissement", "75", "75008", 48.8725, 2.3126, 6],
        ["75109", "Paris 9e Arrondissement", "75", "75009", 48.8769, 2.3375, 5],
        ["75110", "Paris 10e Arrondissement", "75", "75010", 48.876, 2.3611, 4],
        ["75111", "Paris 11e Arrondissement", "75", "75011", 48.8594, 2.3787, 4],
        ["75112", "Paris 12e Arrondissement", "75", "75012", 48.8352, 2.4198, 3],
        ["75113", "Paris 13e Arrondissement", "75", "75013", 48.8287, 2.3625, 4],
        ["75115", "Paris 15e Arrondissement", "75", "75015", 48.8402, 2.2936, 4],
        ["75117", "Paris 17e Arrondissement", "75", "75017", 48.8873, 2.3075, 3],
        ["92026", "Courbevoie", "92", "92400", 48.8985, 2.2557, 5],
        ["92062", "Puteaux", "92", "92800", 48.8837, 2.2383, 4],
        ["92050", "Nanterre", "92", "92000", 48.8961, 2.2067, 2],
        ["92012", "Boulogne-Billancourt", "92", "92100", 48.8366, 2.2391, 3],
        ["92040", "Issy-les-Moulineaux", "92", "92130", 48.8235, 2.2645, 3],
        ["92044", "Levallois-Perret", "92", "92300", 48.8951, 2.2869, 2],
        ["93066", "Saint-Denis", "93", "93200", 48.9296, 2.3592, 3],
        ["93048", "Montreuil", "93", "93100", 48.8633, 2.4482, 2],
        ["91377", "Massy", "91", "91300", 48.7278, 2.2751, 2],
        ["91477", "Palaiseau", "91", "91120", 48.7147, 2.2288, 1.5],
        ["78297", "Guyancourt", "78", "78280", 48.7731, 2.0761, 1.5],
        ["78640", "Vélizy-Villacoublay", "78", "78140", 48.784, 2.1971, 1.5],
        ["94028", "Créteil", "94", "94000", 48.7837, 2.4546, 1],
        ["94041", "Ivry-sur-Seine", "94", "94200", 48.8128, 2.3878, 1],
        ["95127", "Cergy", "95", "95000", 49.0401, 2.0508, 1],
        ["93051", "Noisy-le-Grand", "93", "93160", 48.8362, 2.5644, 1],
        ["91228", "Évry-Courcouronnes", "91", "91000", 48.6295, 2.4401, 1],
        ["77083", "Champs-sur-Marne", "77", "77420", 48.8483, 2.5961, 0.6],
        ["78646", "Versailles", "78", "78000", 48.8026, 2.1179, 1],
    ],
    '84': [
        ["69383", "Lyon 3e Arrondissement", "69", "69003", 45.7534, 4.8692, 5],
        ["69382", "Lyon 2e Arrondissement", "69", "69002", 45.7493, 4.8262, 2],
        ["69387", "Lyon 7e Arrondissement", "69", "69007", 45.7334, 4.8376, 3],
        ["69389", "Lyon 9e Arrondissement", "69", "69009", 45.7818, 4.8082, 2],
        ["69266", "Villeurbanne", "69", "69100", 45.7708, 4.8885, 3],
        ["38185", "Grenoble", "38", "38000", 45.1821, 5.7213, 4],
        ["38229", "Meylan", "38", "38240", 45.2124, 5.7835, 1.5],
        ["63113", "Clermont-Ferrand", "63", "63000", 45.7856, 3.1155, 2.5],
        ["42218", "Saint-Étienne", "42", "42000", 45.4301, 4.3791, 1.5],
        ["74010", "Annecy", "74", "74000", 45.8906, 6.1255, 1.5],
        ["73065", "Chambéry", "73", "73000", 45.5832, 5.909, 1],
        ["26362", "Valence", "26", "26000", 44.923, 4.9144, 0.8],
        ["69290", "Saint-Priest", "69", "69800", 45.7015, 4.9488, 0.8],
    ],
    '76': [
        ["31555", "Toulouse", "31", "31000", 43.5964, 1.4317, 8],
        ["31069", "Blagnac", "31", "31700", 43.6422, 1.3789, 2.5],
        ["31149", "Colomiers", "31", "31770", 43.6116, 1.327, 1.5],
        ["31254", "Labège", "31", "31670", 43.5391, 1.5206, 1.5],
        ["34172", "Montpellier", "34", "34000", 43.6134, 3.8685, 5],
        ["30189", "Nîmes", "30", "30000", 43.8449, 4.3481, 1.2],
        ["66136", "Perpignan", "66", "66000", 42.6966, 2.8994, 0.8],
        ["81004", "Albi", "81", "81000", 43.9258, 2.1469, 0.5],
        ["65440", "Tarbes", "65", "65000", 43.2348, 0.066, 0.5],
    ],
    '75': [
        ["33063", "Bordeaux", "33", "33000", 44.8572, -0.5737, 7],
        ["33281", "Mérignac", "33", "33700", 44.8323, -0.6817, 2.5],
        ["33318", "Pessac", "33", "33600", 44.7916, -0.6763, 1],
        ["87085", "Limoges", "87", "87000", 45.8543, 1.2488, 1.2],
        ["86194", "Poitiers", "86", "86000", 46.5839, 0.3599, 1.2],
        ["17300", "La Rochelle", "17", "17000", 46.1621, -1.1747, 1.2],
        ["64445", "Pau", "64", "64000", 43.32, -0.3503, 1],
        ["79191", "Niort", "79", "79000", 46.3283, -0.4654, 1.2],
        ["64102", "Bayonne", "64", "64100", 43.4922, -1.4661, 0.6],
    ],
    '93': [
        ["13201", "Marseille 1er Arrondissement", "13", "13001", 43.2999, 5.3823, 1.5],
        ["13202", "Marseille 2e Arrondissement", "13", "13002", 43.3127, 5.3636, 2.5],
        ["13208", "Marseille 8e Arrondissement", "13", "13008", 43.2417, 5.3746, 1],
        ["13001", "Aix-en-Provence", "13", "13100", 43.5361, 5.3986, 3],
        ["06088", "Nice", "06", "06000", 43.712, 7.2383, 2.5],
        ["06152", "Valbonne", "06", "06560", 43.6283, 7.0295, 2.5],
        ["06029", "Cannes", "06", "06400", 43.5526, 7.0043, 0.6],
        ["83137", "Toulon", "83", "83000", 43.1362, 5.9324, 1.2],
        ["84007", "Avignon", "84", "84000", 43.9352, 4.8407, 0.8],
        ["13087", "Rousset", "13", "13790", 43.4841, 5.6238, 0.5],
    ],
    '32': [
        ["59350", "Lille", "59", "59000", 50.6317, 3.0478, 6],
        ["59009", "Villeneuve-d'Ascq", "59", "59491", 50.6324, 3.1535, 2],
        ["59512", "Roubaix", "59", "59100", 50.688, 3.1826, 1.5],
        ["59599", "Tourcoing", "59", "59200", 50.7254, 3.1588, 0.8],
        ["80021", "Amiens", "80", "80000", 49.901, 2.2901, 1.2],
        ["59606", "Valenciennes", "59", "59300", 50.3589, 3.5157, 0.8],
        ["62041", "Arras", "62", "62000", 50.2899, 2.7659, 0.6],
        ["60057", "Beauvais", "60", "60000", 49.4366, 2.0862, 0.5],
        ["62193", "Calais", "62", "62100", 50.9502, 1.8758, 0.4],
    ],
    '52': [
        ["44109", "Nantes", "44", "44000", 47.2316, -1.5483, 6],
        ["44162", "Saint-Herblain", "44", "44800", 47.2244, -1.6343, 1.5],
        ["49007", "Angers", "49", "49000", 47.4768, -0.5561, 2],
        ["72181", "Le Mans", "72", "72000", 47.9885, 0.2, 1.2],
        ["85191", "La Roche-sur-Yon", "85", "85000", 46.6675, -1.4078, 0.6],
        ["44184", "Saint-Nazaire", "44", "44600", 47.2803, -2.2538, 0.6],
        ["53130", "Laval", "53", "53000", 48.0609, -0.766, 0.5],
    ],
    '44': [
        ["67482", "Strasbourg", "67", "67000", 48.5713, 7.7675, 4],
        ["57463", "Metz", "57", "57000", 49.1081, 6.1955, 1.5],
        ["54395", "Nancy", "54", "54000", 48.6902, 6.1759, 1.5],
        ["51454", "Reims", "51", "51100", 49.2515, 4.0402, 1.2],
        ["68224", "Mulhouse", "68", "68100", 47.7492, 7.3257, 0.8],
        ["10387", "Troyes", "10", "10000", 48.2967, 4.0783, 0.5],
        ["57672", "Thionville", "57", "57100", 49.376, 6.1293, 0.4],
    ],
    '53': [
        ["35238", "Rennes", "35", "35000", 48.112, -1.6819, 6],
        ["35051", "Cesson-Sévigné", "35", "35510", 48.1202, -1.5971, 2],
        ["35047", "Bruz", "35", "35170", 48.0262, -1.7482, 0.8],
        ["29019", "Brest", "29", "29200", 48.4005, -4.5028, 1.5],
        ["22113", "Lannion", "22", "22300", 48.7433, -3.4616, 1],
        ["56260", "Vannes", "56", "56000", 47.6597, -2.7571, 0.8],
        ["56121", "Lorient", "56", "56100", 47.75, -3.3782, 0.6],
        ["29232", "Quimper", "29", "29000", 47.9971, -4.0911, 0.5],
        ["22278", "Saint-Brieuc", "22", "22000", 48.515, -2.7615, 0.4],
    ],
    '28': [
        ["76540", "Rouen", "76", "76000", 49.4413, 1.0926, 2.5],
        ["14118", "Caen", "14", "14000", 49.1848, -0.3698, 2.5],
        ["76351", "Le Havre", "76", "76600", 49.4985, 0.1402, 1],
        ["50129", "Cherbourg-en-Cotentin", "50", "50100", 49.6334, -1.6339, 0.5],
        ["27229", "Évreux", "27", "27000", 49.0202, 1.1416, 0.5],
        ["61001", "Alençon", "61", "61000", 48.4318, 0.0915, 0.3],
    ],
    '27': [
        ["21231", "Dijon", "21", "21000", 47.3229, 5.0379, 2.5],
        ["25056", "Besançon", "25", "25000", 47.2554, 6.0195, 1.8],
        ["90010", "Belfort", "90", "90000", 47.6472, 6.8454, 0.6],
        ["71076", "Chalon-sur-Saône", "71", "71100", 46.79, 4.8519, 0.4],
        ["89024", "Auxerre", "89", "89000", 47.7935, 3.5817, 0.3],
        ["25388", "Montbéliard", "25", "25200", 47.5155, 6.7915, 0.4],
    ],
    '24': [
        ["37261", "Tours", "37", "37000", 47.3986, 0.6965, 2.5],
        ["45234", "Orléans", "45", "45000", 47.8829, 1.9161, 2.5],
        ["18033", "Bourges", "18", "18000", 47.075, 2.4042, 0.6],
        ["41018", "Blois", "41", "41000", 47.5817, 1.3063, 0.5],
        ["28085", "Chartres", "28", "28000", 48.4471, 1.5057, 0.6],
        ["36044", "Châteauroux", "36", "36000", 46.803, 1.694, 0.3],
    ],
    '94': [
        ["2A004", "Ajaccio", "2A", "20000", 41.9348, 8.7013, 1],
        ["2B033", "Bastia", "2B", "20200", 42.6865, 9.425, 0.8],
    ],
    '01': [
        ["97101", "Les Abymes", "971", "97139", 16.2728, -61.5017, 0.6],
        ["97120", "Pointe-à-Pitre", "971", "97110", 16.2386, -61.5357, 0.5],
        ["97103", "Baie-Mahault", "971", "97122", 16.2512, -61.5929, 0.6],
    ],
    '02': [
        ["97209", "Fort-de-France", "972", "97200", 14.6411, -61.0692, 1],
        ["97213", "Le Lamentin", "972", "97232", 14.6248, -60.9934, 0.6],
    ],
    '03': [
        ["97302", "Cayenne", "973", "97300", 5.0217, -52.5013, 1],
        ["97311", "Saint-Laurent-du-Maroni", "973", "97320", 4.9647, -53.9832, 0.3],
    ],
    '04': [
        ["97411", "Saint-Denis", "974", "97400", -20.933, 55.4469, 1.2],
        ["97416", "Saint-Pierre", "974", "97410", -21.3123, 55.4936, 0.6],
        ["97415", "Saint-Paul", "974", "97460", -21.0445, 55.3223, 0.4],
    ],
    '06': [
        ["97611", "Mamoudzou", "976", "97600", -12.79, 45.1932, 1],
    ],
}

# ROME_ITEMS[romeCode] = [[code_ogr, libellé, concept]]: ROME 4.0 items linked to the code in unix_coherence_item (v460).
ROME_ITEMS = {
    'M1855': [
        ["102732", "Langages de programmation informatique", "lang"],
        ["102788", "HTML", "html"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109846", "Concevoir une application web", "webapp"],
        ["109862", "Architecture web", "webapp"],
        ["113277", "Méthode AGILE", "agile"],
        ["113312", "Optimiser des algorithmes, une application informatique et mettre en oeuvre leur développement", "perf"],
        ["113317", "Développer une application en lien avec une base de données", "db"],
        ["113798", "Programmation en Python", "python"],
        ["119712", "Conception d'interfaces utilisateur (UI)", "ux"],
        ["120712", "CMS (Système de gestion de contenu)", "cms"],
        ["120803", "Programmation logicielle", "lang"],
        ["121054", "Réaliser les essais de fonctionnement", "test"],
        ["121262", "Optimiser le référencement naturel (SEO) des sites web", "seo"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["300126", "Créer une documentation technique", "doc"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300200", "Exploiter des solutions de Data Science ou d'Intelligence Artificielle", "ml"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["300688", "Application web", "webapp"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400261", "Coder", "code"],
        ["402277", "Rédiger et élaborer des notices et fiches techniques", "doc"],
        ["478631", "Sécurité des applications web", "websec"],
        ["478670", "Test et validation de logiciels", "test"],
        ["479231", "Accessibilité web", "a11y"],
        ["479254", "Virtualisation des serveurs", "virt"],
        ["481371", "Gestion de projet informatique", "proj"],
        ["481375", "Optimisation des performances web", "perf"],
        ["481376", "Utilisation de frameworks JavaScript", "js"],
        ["486226", "Implémenter des mesures de sécurité pour les applications", "websec"],
        ["486515", "Analyser les besoins des utilisateurs pour la création de sites web", "needs"],
        ["486517", "Intégrer des éléments graphiques et visuels en respectant les standards web", "design_gfx"],
        ["486519", "Collaborer avec des équipes multidisciplinaires pour des projets web", "multi"],
        ["486520", "Configurer des serveurs web et gérer le déploiement", "deploy"],
        ["486523", "Résoudre les problèmes techniques et bugs des sites", "bugs"],
        ["486526", "Développer des outils de monitoring pour les performances web", "monitor"],
    ],
    'M1805': [
        ["102732", "Langages de programmation informatique", "lang"],
        ["102788", "HTML", "html"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109794", "Intelligence artificielle", "ml"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109846", "Concevoir une application web", "webapp"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109862", "Architecture web", "webapp"],
        ["109870", "Java", "java"],
        ["109882", "Gestion de bases de données NoSQL", "nosql"],
        ["110150", "Anglais technique", "english"],
        ["113277", "Méthode AGILE", "agile"],
        ["113281", "Script Shell", "script"],
        ["113317", "Développer une application en lien avec une base de données", "db"],
        ["113798", "Programmation en Python", "python"],
        ["119711", "Développement d'applications mobiles", "mobile"],
        ["119712", "Conception d'interfaces utilisateur (UI)", "ux"],
        ["120803", "Programmation logicielle", "lang"],
        ["121931", "Vérifier la conformité d'une réalisation avec un cahier des charges", "cdc"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["300393", "Concevoir et mettre en oeuvre une stratégie digitale", "mkt"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["300688", "Application web", "webapp"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400261", "Coder", "code"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["478631", "Sécurité des applications web", "websec"],
        ["478664", "Développement de logiciels embarqués", "embedded"],
        ["478766", "Optimisation des performances des applications", "perf"],
        ["481370", "Intégration continue et déploiement continu (CI/CD)", "cicd"],
        ["481371", "Gestion de projet informatique", "proj"],
        ["484038", "Promouvoir la collaboration entre les développeurs et les opérateurs pour une meilleure intégration", "devops"],
        ["484402", "Documenter les procédures techniques pour les utilisateurs", "doc"],
        ["484405", "Traiter les retours utilisateurs pour améliorer les systèmes", "bugs"],
        ["485121", "Maintenir à jour la documentation technique et les manuels d'utilisation", "doc"],
        ["486495", "Respecter les normes de sécurité informatique dans le développement", "websec"],
    ],
    'M1861': [
        ["102532", "Technologies de l'accessibilité numérique", "a11y"],
        ["102732", "Langages de programmation informatique", "lang"],
        ["102789", "Programmation en JavaScript", "js"],
        ["106767", "Protocoles et normes télécoms", "telecom"],
        ["109846", "Concevoir une application web", "webapp"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109862", "Architecture web", "webapp"],
        ["110150", "Anglais technique", "english"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113277", "Méthode AGILE", "agile"],
        ["119712", "Conception d'interfaces utilisateur (UI)", "ux"],
        ["120803", "Programmation logicielle", "lang"],
        ["124809", "Documentation technique des équipements", "doc"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300126", "Créer une documentation technique", "doc"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300199", "Développer un logiciel, un système d'informations, une application", "code"],
        ["300200", "Exploiter des solutions de Data Science ou d'Intelligence Artificielle", "ml"],
        ["300253", "Contrôler la conformité des données", "dq"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["300688", "Application web", "webapp"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400261", "Coder", "code"],
        ["404783", "Collaborer avec des équipes multidisciplinaires", "multi"],
        ["478668", "Développement front-end", "code"],
        ["478669", "Développement back-end", "code"],
        ["487065", "Traiter les retours utilisateurs pour améliorer le produit", "bugs"],
    ],
    'M1818': [
        ["102788", "HTML", "html"],
        ["109794", "Intelligence artificielle", "ml"],
        ["109846", "Concevoir une application web", "webapp"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109862", "Architecture web", "webapp"],
        ["109870", "Java", "java"],
        ["110150", "Anglais technique", "english"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113277", "Méthode AGILE", "agile"],
        ["113317", "Développer une application en lien avec une base de données", "db"],
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["118748", "Méthodologie Scrum", "agile"],
        ["119710", "Assurance Qualité Logicielle (AQL)", "qa"],
        ["119711", "Développement d'applications mobiles", "mobile"],
        ["120803", "Programmation logicielle", "lang"],
        ["121126", "Progiciels de gestion intégrée d'entreprise (ERP)", "erp"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300199", "Développer un logiciel, un système d'informations, une application", "code"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["400261", "Coder", "code"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["478663", "Conception de bases de données", "db"],
        ["478665", "Optimisation de code pour systèmes embarqués", "embedded"],
        ["478668", "Développement front-end", "code"],
        ["478670", "Test et validation de logiciels", "test"],
        ["484027", "Analyser les besoins des utilisateurs pour la création de logiciels", "needs"],
    ],
    'M1892': [
        ["118305", "Sécurité des systèmes embarqués", "embedded"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["478664", "Développement de logiciels embarqués", "embedded"],
        ["481340", "Surveillance et diagnostic réseau", "monitor"],
        ["483527", "Mettre à jour les logiciels des systèmes embarqués", "embedded"],
        ["484254", "Configurer des systèmes électroniques embarqués", "embedded"],
        ["492065", "Analyse des besoins clients pour systèmes embarqués", "embedded"],
        ["492724", "Connaissance des bus de communication (CAN, SPI, I2C)", "embedded"],
        ["493064", "Connaissance des microcontrôleurs", "embedded"],
        ["493893", "Débogage de systèmes embarqués", "embedded"],
        ["494068", "Documentation technique pour systèmes embarqués", "doc"],
        ["495568", "Gestion des versions de logiciels embarqués", "embedded"],
        ["504447", "Concevoir des architectures de systèmes embarqués pour l'IA", "embedded"],
        ["504449", "Optimiser les performances des systèmes IA embarqués", "embedded"],
        ["504453", "Documenter les spécifications techniques des projets IA embarqués", "embedded"],
        ["508746", "Concevoir des architectures de systèmes embarqués", "embedded"],
        ["508747", "Développer des logiciels pour systèmes embarqués", "embedded"],
        ["508748", "Tester et valider des systèmes embarqués", "embedded"],
        ["508750", "Assurer la compatibilité des systèmes embarqués avec différents matériels", "embedded"],
        ["508751", "Analyser les besoins clients pour des solutions embarquées", "embedded"],
        ["508752", "Superviser des équipes de développement de systèmes embarqués", "embedded"],
        ["508753", "Mettre en place des protocoles de sécurité pour systèmes embarqués", "embedded"],
        ["508754", "Réaliser des études de faisabilité pour nouveaux projets embarqués", "embedded"],
        ["508757", "Respecter les normes industrielles dans la conception embarquée", "embedded"],
        ["509327", "Contrôler la conformité de fonctionnement des dispositifs embarqués", "embedded"],
    ],
    'I1404': [
        ["102732", "Langages de programmation informatique", "lang"],
        ["103562", "Technologie des fibres optiques", "fibre"],
        ["106840", "Configurer le poste de travail aux besoins de l'utilisateur", "poste"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["106845", "Déploiement de solutions informatiques", "deploy"],
        ["106860", "Configurer les équipements réseau et serveurs", "netconf"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["119436", "Gestion de parc informatique", "parc"],
        ["119508", "Gestion de l'inventaire", "parc"],
        ["121624", "Gérer la documentation technique des projets", "doc"],
        ["123319", "Support client à distance", "remote"],
        ["124908", "Protection des données numériques", "rgpd"],
        ["126530", "Dépanner des équipements informatiques", "diag"],
        ["400451", "Agir rapidement en cas de panne pour minimiser les interruptions", "incident"],
        ["404053", "Systèmes de gestion de base de données", "db"],
        ["404223", "Elaborer et suivre des tableaux de bord des incidents sécurité", "dash"],
        ["477863", "Rédaction de documentation technique", "doc"],
        ["480844", "Diagnostic de pannes informatiques", "diag"],
        ["480845", "Installation de logiciels", "poste"],
        ["480849", "Surveillance de systèmes informatiques", "monitor"],
        ["480850", "Planification de sauvegardes de données", "backup"],
        ["480851", "Restauration de systèmes informatiques", "backup"],
        ["480853", "Formation des utilisateurs sur les outils informatiques", "userform"],
        ["484964", "Diagnostiquer des dysfonctionnements sur des installations de réseau", "diag"],
    ],
    'I1401': [
        ["106840", "Configurer le poste de travail aux besoins de l'utilisateur", "poste"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["106845", "Déploiement de solutions informatiques", "deploy"],
        ["106860", "Configurer les équipements réseau et serveurs", "netconf"],
        ["119436", "Gestion de parc informatique", "parc"],
        ["120583", "Paramétrage de logiciels", "erp"],
        ["124908", "Protection des données numériques", "rgpd"],
        ["126530", "Dépanner des équipements informatiques", "diag"],
        ["405382", "Effectuer la mise à jour de logiciels", "poste"],
        ["478670", "Test et validation de logiciels", "test"],
        ["484964", "Diagnostiquer des dysfonctionnements sur des installations de réseau", "diag"],
        ["493791", "Conseil technique aux utilisateurs", "remote"],
        ["504591", "Diagnostiquer les pannes matérielles ou logicielles", "diag"],
        ["504597", "Analyser les besoins des utilisateurs pour l'amélioration des systèmes", "needs"],
    ],
    'M1810': [
        ["109971", "Diagnostiquer la nature et l'origine des incidents et mettre en oeuvre les mesures correctives", "diag"],
        ["109978", "Normes et standards d'exploitation", "exploit"],
        ["124908", "Protection des données numériques", "rgpd"],
        ["300204", "Administrer un système d'informations", "admin"],
        ["400451", "Agir rapidement en cas de panne pour minimiser les interruptions", "incident"],
        ["478622", "Gestion des accès utilisateurs", "iam"],
        ["478625", "Audit de sécurité informatique", "audit"],
        ["480844", "Diagnostic de pannes informatiques", "diag"],
        ["480853", "Formation des utilisateurs sur les outils informatiques", "userform"],
        ["481164", "Surveillance de la performance des systèmes", "monitor"],
        ["484478", "Développer des scripts pour automatiser les tâches", "script"],
        ["492646", "Configuration de logiciels de réseau", "netconf"],
        ["493897", "Déploiement de solutions de virtualisation", "virt"],
        ["495442", "Gestion des sauvegardes et des restaurations", "backup"],
        ["495658", "Installation de composants matériels", "poste"],
        ["501945", "Analyser les besoins des utilisateurs pour le système informatique", "needs"],
        ["501946", "Mettre en place des solutions de sauvegarde et de récupération des données", "backup"],
        ["501948", "Assurer la veille technologique pour rester à jour sur les innovations", "veille"],
    ],
    'M1869': [
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109978", "Normes et standards d'exploitation", "exploit"],
        ["123515", "Gestion des incidents", "incident"],
        ["124908", "Protection des données numériques", "rgpd"],
        ["300125", "Renseigner, mettre à jour une documentation technique", "doc"],
        ["300204", "Administrer un système d'informations", "admin"],
        ["477863", "Rédaction de documentation technique", "doc"],
        ["480853", "Formation des utilisateurs sur les outils informatiques", "userform"],
        ["481217", "Suivi des inventaires de matériel", "parc"],
        ["485330", "Assurer la formation des utilisateurs sur les nouveaux outils", "userform"],
        ["486528", "Effectuer des audits de sécurité réguliers", "audit"],
        ["497372", "Restauration de données après incident", "backup"],
        ["502105", "Analyser les besoins en matériel des utilisateurs", "parc"],
    ],
    'M1801': [
        ["102732", "Langages de programmation informatique", "lang"],
        ["104564", "Langage C++", "cpp"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109882", "Gestion de bases de données NoSQL", "nosql"],
        ["110150", "Anglais technique", "english"],
        ["113277", "Méthode AGILE", "agile"],
        ["113281", "Script Shell", "script"],
        ["113798", "Programmation en Python", "python"],
        ["118748", "Méthodologie Scrum", "agile"],
        ["120287", "Développer des automatisations de procédure", "script"],
        ["120298", "Système réseau (LAN, MAN, WAN)", "net"],
        ["120743", "Système de Gestion de Bases de Données (SGBD)", "db"],
        ["121841", "Surveillance des systèmes de sécurité (pare-feu, VPN, systèmes de détection d'intrusion)", "fw"],
        ["124908", "Protection des données numériques", "rgpd"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300204", "Administrer un système d'informations", "admin"],
        ["300492", "Actualiser régulièrement ses connaissances", "veille"],
        ["300575", "Allouer et organiser les ressources d'un projet selon les besoins et contraintes", "proj"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["400261", "Coder", "code"],
        ["400298", "Elaborer et mettre en oeuvre un plan de tests", "test"],
        ["484402", "Documenter les procédures techniques pour les utilisateurs", "doc"],
        ["486016", "Configurer des réseaux privés virtuels (VPN)", "vpn"],
        ["486020", "Développer des scripts pour automatiser les opérations", "script"],
        ["511414", "Langage C#", "csharp"],
    ],
    'M1854': [
        ["113269", "Système d'exploitation informatique VMWare (virtualisation d'architecture)", "virt"],
        ["119308", "Règlement Général européen sur la Protection des Données (RGPD)", "rgpd"],
        ["120583", "Paramétrage de logiciels", "erp"],
        ["120743", "Système de Gestion de Bases de Données (SGBD)", "db"],
        ["124310", "Architecture réseau", "net"],
        ["124908", "Protection des données numériques", "rgpd"],
        ["125100", "Configuration de pare-feu et de systèmes de prévention d'intrusion", "fw"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300204", "Administrer un système d'informations", "admin"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["481342", "Formation des utilisateurs sur les outils réseau", "userform"],
        ["481344", "Développement de scripts pour l'automatisation réseau", "script"],
        ["483607", "Configurer des équipements réseau", "netconf"],
        ["484964", "Diagnostiquer des dysfonctionnements sur des installations de réseau", "diag"],
    ],
    'M1822': [
        ["102532", "Technologies de l'accessibilité numérique", "a11y"],
        ["102732", "Langages de programmation informatique", "lang"],
        ["106767", "Protocoles et normes télécoms", "telecom"],
        ["106768", "Protocoles de communication (TCP/IP)", "net"],
        ["109796", "Procédures de tests", "test"],
        ["109801", "Procédures qualité et sécurité des systèmes d'information et de télécoms", "secrules"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["110150", "Anglais technique", "english"],
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["118700", "Technologie de l'internet", "html"],
        ["119313", "Gestion de crise", "secinc"],
        ["123486", "Audit des systèmes d'information", "audit"],
        ["200037", "Animation d'instances agiles (mêlée, démonstration, rétrospective, ...)", "agile"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["403359", "Constituer des dossiers (notes de calculs, cahiers des charges, rapports de synthèse) , rédiger la documentation technique", "doc"],
        ["405531", "Technologies et protocoles réseaux", "net"],
        ["481300", "Rédaction de cahier des charges", "cdc"],
        ["481371", "Gestion de projet informatique", "proj"],
    ],
    'M1816': [
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["110150", "Anglais technique", "english"],
        ["115811", "Architecture de réseaux (OSI, TCP/IP...)", "net"],
        ["119436", "Gestion de parc informatique", "parc"],
        ["120298", "Système réseau (LAN, MAN, WAN)", "net"],
        ["121054", "Réaliser les essais de fonctionnement", "test"],
        ["400476", "Renseigner et tenir à jour des outils de suivi de l'activité (tableaux de bord de production, relevés d'incidents, qualité...)", "dash"],
        ["405531", "Technologies et protocoles réseaux", "net"],
        ["478251", "Diagnostic de pannes réseau", "diag"],
        ["478257", "Application des procédures de sauvegarde", "backup"],
        ["489306", "Diagnostiquer à distance un dysfonctionnement informatique matériel ou logiciel", "diag"],
        ["489309", "Protocoles IP", "net"],
    ],
    'I1311': [
        ["103556", "Utilisation d'appareils de mesure optique (réflectomètre, wattmètre optique, photomètre, stylo optique ...)", "fibre"],
        ["103557", "Utilisation de soudeuse à fibres optiques", "fibre"],
        ["103562", "Technologie des fibres optiques", "fibre"],
        ["106762", "Configurer ou paramétrer l'équipement de télécommunication, de courants faibles", "telecom"],
        ["106767", "Protocoles et normes télécoms", "telecom"],
        ["109801", "Procédures qualité et sécurité des systèmes d'information et de télécoms", "secrules"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["116221", "Diagnostiquer, prévenir et localiser les dysfonctionnements, y remédier ou préconiser des solutions alternatives", "diag"],
        ["118443", "Réseaux de fibre optique Fiber To The Home (FTTH)", "fibre"],
        ["120503", "Actualiser et faire évoluer les équipements de télécommunication ou de courants faibles", "telecom"],
        ["124880", "Connecter des équipements électroniques", "fibre"],
        ["125415", "Connecter une boîte de raccordements", "fibre"],
        ["401000", "Caractéristiques des fibres optiques", "fibre"],
        ["403171", "H0B0 Habilitation électrique", "safety"],
        ["403186", "Habilitation électrique Manœuvre H0-BS-BE", "safety"],
        ["403188", "CACES Nacelle 3B R486", "safety"],
        ["403964", "Autorisation d'intervention à proximité des réseaux (AIPR)", "safety"],
        ["405392", "Installer et connecter des câbles de fibre optique", "fibre"],
        ["405397", "Réaliser des opérations de soudage de fibre optique", "fibre"],
        ["482322", "Diagnostiquer des dysfonctionnements sur un réseau fibre optique", "diag"],
    ],
    'I1315': [
        ["103556", "Utilisation d'appareils de mesure optique (réflectomètre, wattmètre optique, photomètre, stylo optique ...)", "fibre"],
        ["103557", "Utilisation de soudeuse à fibres optiques", "fibre"],
        ["103562", "Technologie des fibres optiques", "fibre"],
        ["106762", "Configurer ou paramétrer l'équipement de télécommunication, de courants faibles", "telecom"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["118443", "Réseaux de fibre optique Fiber To The Home (FTTH)", "fibre"],
        ["120503", "Actualiser et faire évoluer les équipements de télécommunication ou de courants faibles", "telecom"],
        ["124880", "Connecter des équipements électroniques", "fibre"],
        ["125415", "Connecter une boîte de raccordements", "fibre"],
        ["400772", "Adapter les méthodes de travail au niveau de risques des travaux en hauteur", "safety"],
        ["401000", "Caractéristiques des fibres optiques", "fibre"],
        ["403964", "Autorisation d'intervention à proximité des réseaux (AIPR)", "safety"],
        ["405397", "Réaliser des opérations de soudage de fibre optique", "fibre"],
    ],
    'M1827': [
        ["102788", "HTML", "html"],
        ["109862", "Architecture web", "webapp"],
        ["109870", "Java", "java"],
        ["110150", "Anglais technique", "english"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113277", "Méthode AGILE", "agile"],
        ["113798", "Programmation en Python", "python"],
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["118305", "Sécurité des systèmes embarqués", "embedded"],
        ["119415", "Logiciel de supervision", "monitor"],
        ["120803", "Programmation logicielle", "lang"],
        ["121126", "Progiciels de gestion intégrée d'entreprise (ERP)", "erp"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300199", "Développer un logiciel, un système d'informations, une application", "code"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400261", "Coder", "code"],
        ["400298", "Elaborer et mettre en oeuvre un plan de tests", "test"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["479261", "Optimisation des processus DevOps", "devops"],
        ["479269", "Gestion des risques informatiques", "risk"],
        ["484485", "Configurer et optimiser des systèmes DevOps", "devops"],
        ["484487", "Assurer la sécurité des pipelines de CI/CD", "cicd"],
    ],
    'M1860': [
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109794", "Intelligence artificielle", "ml"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["118700", "Technologie de l'internet", "html"],
        ["120287", "Développer des automatisations de procédure", "script"],
        ["300126", "Créer une documentation technique", "doc"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300406", "Ecrire une ou plusieurs langues étrangères", "english"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["402277", "Rédiger et élaborer des notices et fiches techniques", "doc"],
        ["480213", "Architecture de solutions cloud", "cloud"],
        ["486964", "Assurer la maintenance préventive des solutions cloud", "cloud"],
        ["486975", "Assurer la conformité réglementaire des solutions cloud", "cloud"],
        ["486978", "Elaborer des stratégies de sauvegarde des données", "backup"],
        ["486981", "Evaluer l'impact environnemental des solutions cloud", "cloud"],
        ["486984", "Adapter les solutions cloud aux besoins spécifiques des clients", "cloud"],
    ],
    'M1876': [
        ["115948", "Gérer les sauvegardes de données et les plans de récupération", "backup"],
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300125", "Renseigner, mettre à jour une documentation technique", "doc"],
        ["300202", "Déployer, intégrer un logiciel, un système d'informations, une application", "deploy"],
        ["480213", "Architecture de solutions cloud", "cloud"],
        ["484474", "Documenter les procédures techniques et les configurations", "doc"],
        ["486964", "Assurer la maintenance préventive des solutions cloud", "cloud"],
        ["486975", "Assurer la conformité réglementaire des solutions cloud", "cloud"],
        ["486984", "Adapter les solutions cloud aux besoins spécifiques des clients", "cloud"],
        ["496955", "Principes de virtualisation des serveurs", "virt"],
        ["504595", "Gérer les sauvegardes et la récupération de données", "backup"],
        ["505251", "Encourager l'adoption de solutions cloud par les utilisateurs", "cloud"],
        ["505354", "Configurer des serveurs pour des applications Cloud", "cloud"],
        ["505357", "Diagnostiquer et résoudre les problèmes techniques du Cloud", "diag"],
    ],
    'M1879': [
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["480213", "Architecture de solutions cloud", "cloud"],
        ["484038", "Promouvoir la collaboration entre les développeurs et les opérateurs pour une meilleure intégration", "devops"],
        ["486975", "Assurer la conformité réglementaire des solutions cloud", "cloud"],
        ["486981", "Evaluer l'impact environnemental des solutions cloud", "cloud"],
        ["486984", "Adapter les solutions cloud aux besoins spécifiques des clients", "cloud"],
        ["494956", "Gestion des accès utilisateurs cloud", "iam"],
        ["497222", "Réglementation de la protection des données (RGPD)", "rgpd"],
        ["498753", "Techniques de sauvegarde des données cloud", "backup"],
        ["499613", "Développer des scripts pour automatiser les tâches récurrentes", "script"],
        ["505357", "Diagnostiquer et résoudre les problèmes techniques du Cloud", "diag"],
        ["506481", "Concevoir des architectures de solutions cloud", "cloud"],
    ],
    'M1419': [
        ["100113", "Logiciels de gestion de base de données", "db"],
        ["101312", "Utilisation de logiciels statistiques", "stats"],
        ["109527", "Adapter les outils de traitement statistique de données", "stats"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113798", "Programmation en Python", "python"],
        ["115921", "Big data Analytics", "bi"],
        ["116314", "MySQL", "db"],
        ["123284", "Statistiques appliquées", "stats"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300200", "Exploiter des solutions de Data Science ou d'Intelligence Artificielle", "ml"],
        ["300452", "Collecter et analyser des données, des informations", "data"],
        ["400707", "Animer une démarche agile et innovante", "agile"],
        ["480869", "Machine Learning", "ml"],
        ["482516", "Développer des tableaux de bord pour suivre les KPIs", "dash"],
        ["487086", "Développer des algorithmes pour l'analyse de données", "ml"],
        ["487088", "Utiliser des logiciels statistiques pour le traitement de données", "stats"],
        ["492631", "Conception de tableaux de bord de gestion", "dash"],
        ["497571", "Suivi de la qualité des données", "dq"],
        ["501122", "Analyser des données pour identifier des tendances", "data"],
        ["501125", "Concevoir des tableaux de bord pour le suivi des performances", "dash"],
        ["508618", "Développer des modèles prédictifs pour l'analyse de données", "ml"],
    ],
    'M1811': [
        ["109763", "Système d'exploitation Linux", "linux"],
        ["109794", "Intelligence artificielle", "ml"],
        ["109870", "Java", "java"],
        ["110150", "Anglais technique", "english"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113317", "Développer une application en lien avec une base de données", "db"],
        ["113798", "Programmation en Python", "python"],
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["117221", "Technologies HADOOP", "bigdata"],
        ["120803", "Programmation logicielle", "lang"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300202", "Déployer, intégrer un logiciel, un système d'informations, une application", "deploy"],
        ["300492", "Actualiser régulièrement ses connaissances", "veille"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["400707", "Animer une démarche agile et innovante", "agile"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["402039", "Anticiper les risques de cybersécurité", "risk"],
        ["404054", "Maîtrise d'un outil de gestion de flux (Kafka, Flink...)", "bigdata"],
        ["404167", "Gérer et maitriser des bases de données (SQL/NoSQL)", "nosql"],
    ],
    'M1405': [
        ["100113", "Logiciels de gestion de base de données", "db"],
        ["101312", "Utilisation de logiciels statistiques", "stats"],
        ["102732", "Langages de programmation informatique", "lang"],
        ["104564", "Langage C++", "cpp"],
        ["109527", "Adapter les outils de traitement statistique de données", "stats"],
        ["109758", "Système d'exploitation Unix", "linux"],
        ["109764", "Système d'exploitation Windows", "os"],
        ["109870", "Java", "java"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113312", "Optimiser des algorithmes, une application informatique et mettre en oeuvre leur développement", "perf"],
        ["113798", "Programmation en Python", "python"],
        ["115921", "Big data Analytics", "bi"],
        ["117221", "Technologies HADOOP", "bigdata"],
        ["117685", "Modélisation statistique", "stats"],
        ["120317", "Assurer le suivi de la qualité des données", "dq"],
        ["120743", "Système de Gestion de Bases de Données (SGBD)", "db"],
        ["300068", "Réaliser une analyse ou modélisation statistique de données", "stats"],
        ["300200", "Exploiter des solutions de Data Science ou d'Intelligence Artificielle", "ml"],
        ["400367", "Analyser des données pour soutenir des décisions stratégiques", "data"],
        ["400707", "Animer une démarche agile et innovante", "agile"],
    ],
    'M1889': [
        ["109794", "Intelligence artificielle", "ml"],
        ["300200", "Exploiter des solutions de Data Science ou d'Intelligence Artificielle", "ml"],
        ["487086", "Développer des algorithmes pour l'analyse de données", "ml"],
        ["494932", "Gestion de projets IA", "proj"],
        ["497061", "Programmation en Python pour IA", "python"],
        ["499337", "Utilisation de TensorFlow et PyTorch", "tfpt"],
        ["499436", "Veille technologique en intelligence artificielle", "veille"],
        ["508618", "Développer des modèles prédictifs pour l'analyse de données", "ml"],
    ],
    'M1824': [
        ["102732", "Langages de programmation informatique", "lang"],
        ["102788", "HTML", "html"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109870", "Java", "java"],
        ["109882", "Gestion de bases de données NoSQL", "nosql"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113317", "Développer une application en lien avec une base de données", "db"],
        ["113798", "Programmation en Python", "python"],
        ["119308", "Règlement Général européen sur la Protection des Données (RGPD)", "rgpd"],
        ["120803", "Programmation logicielle", "lang"],
        ["124809", "Documentation technique des équipements", "doc"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300126", "Créer une documentation technique", "doc"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["479202", "Intégration de données provenant de diverses sources", "etl"],
        ["479203", "Développement de scripts pour l'automatisation des processus", "script"],
        ["479206", "Gestion de projets BI en méthode agile", "agile"],
        ["479208", "Formation des utilisateurs finaux sur les outils BI", "userform"],
        ["484405", "Traiter les retours utilisateurs pour améliorer les systèmes", "bugs"],
    ],
    'M1851': [
        ["109794", "Intelligence artificielle", "ml"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300406", "Ecrire une ou plusieurs langues étrangères", "english"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["400367", "Analyser des données pour soutenir des décisions stratégiques", "data"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["404053", "Systèmes de gestion de base de données", "db"],
        ["481235", "Développement de tableaux de bord", "dash"],
        ["481236", "Analyse prédictive", "ml"],
    ],
    'M1883': [
        ["478242", "Veille technologique en sécurité informatique", "veille"],
        ["478625", "Audit de sécurité informatique", "audit"],
        ["478633", "Gestion des vulnérabilités", "vuln"],
        ["483975", "Documenter les procédures de sécurité, ainsi que les incidents", "secinc"],
        ["485787", "Rapporter les incidents de sécurité", "secinc"],
        ["485838", "Analyser les risques de sécurité informatique", "risk"],
        ["485841", "Agir rapidement en cas de détection d'intrusion", "secinc"],
        ["486529", "Gérer les incidents de sécurité et les réponses aux incidents", "secinc"],
        ["493986", "Développement de tableaux de bord de sécurité", "dash"],
        ["497722", "Surveillance continue de la sécurité", "alerts"],
        ["507926", "Analyser les alertes de sécurité informatique", "alerts"],
        ["507927", "Analyser les tendances de menaces informatiques", "veille"],
        ["507929", "Développer des tableaux de bord de sécurité", "dash"],
    ],
    'M1844': [
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109862", "Architecture web", "webapp"],
        ["110150", "Anglais technique", "english"],
        ["125100", "Configuration de pare-feu et de systèmes de prévention d'intrusion", "fw"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300126", "Créer une documentation technique", "doc"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300200", "Exploiter des solutions de Data Science ou d'Intelligence Artificielle", "ml"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["402039", "Anticiper les risques de cybersécurité", "risk"],
        ["404053", "Systèmes de gestion de base de données", "db"],
        ["478233", "Gestion des incidents de sécurité", "secinc"],
        ["478236", "Evaluation de la vulnérabilité des systèmes", "vuln"],
        ["478625", "Audit de sécurité informatique", "audit"],
        ["478631", "Sécurité des applications web", "websec"],
        ["480029", "Gestion des accès et identités", "iam"],
        ["480690", "Analyse de risques en sécurité informatique", "risk"],
        ["480698", "Gestion des menaces et des vulnérabilités", "vuln"],
        ["485838", "Analyser les risques de sécurité informatique", "risk"],
        ["485841", "Agir rapidement en cas de détection d'intrusion", "secinc"],
    ],
    'M1856': [
        ["109794", "Intelligence artificielle", "ml"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109978", "Normes et standards d'exploitation", "exploit"],
        ["118700", "Technologie de l'internet", "html"],
        ["119313", "Gestion de crise", "secinc"],
        ["123515", "Gestion des incidents", "incident"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300199", "Développer un logiciel, un système d'informations, une application", "code"],
        ["300202", "Déployer, intégrer un logiciel, un système d'informations, une application", "deploy"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["404053", "Systèmes de gestion de base de données", "db"],
        ["478233", "Gestion des incidents de sécurité", "secinc"],
        ["478633", "Gestion des vulnérabilités", "vuln"],
        ["481381", "Détection des intrusions réseau", "alerts"],
        ["486528", "Effectuer des audits de sécurité réguliers", "audit"],
        ["486529", "Gérer les incidents de sécurité et les réponses aux incidents", "secinc"],
    ],
    'M1819': [
        ["109794", "Intelligence artificielle", "ml"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["116349", "Déploiement de services cloud (cloud computing)", "cloud"],
        ["118700", "Technologie de l'internet", "html"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300202", "Déployer, intégrer un logiciel, un système d'informations, une application", "deploy"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["404053", "Systèmes de gestion de base de données", "db"],
        ["478685", "Firewalls et systèmes de détection d'intrusions", "fw"],
        ["478686", "Gestion des accès et des identités", "iam"],
        ["484046", "Gérer les incidents de sécurité et coordonner les réponses", "secinc"],
    ],
    'M1812': [
        ["106767", "Protocoles et normes télécoms", "telecom"],
        ["109801", "Procédures qualité et sécurité des systèmes d'information et de télécoms", "secrules"],
        ["119308", "Règlement Général européen sur la Protection des Données (RGPD)", "rgpd"],
        ["119313", "Gestion de crise", "secinc"],
        ["300204", "Administrer un système d'informations", "admin"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["400367", "Analyser des données pour soutenir des décisions stratégiques", "data"],
    ],
    'M1866': [
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["300492", "Actualiser régulièrement ses connaissances", "veille"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["478633", "Gestion des vulnérabilités", "vuln"],
        ["478686", "Gestion des accès et des identités", "iam"],
        ["478984", "Gestion des accès sécurisés", "iam"],
        ["480690", "Analyse de risques en sécurité informatique", "risk"],
        ["481381", "Détection des intrusions réseau", "alerts"],
        ["482009", "Protection des données personnelles", "rgpd"],
        ["487128", "Analyser les risques de sécurité pour les systèmes informatiques", "pentest"],
        ["487130", "Réaliser des audits de sécurité pour identifier les vulnérabilités", "vuln"],
        ["487135", "Analyser les logs pour identifier les tentatives d'intrusion", "pentest"],
        ["497736", "Surveillance de la sécurité des systèmes", "alerts"],
        ["501283", "Evaluer l'efficacité des mesures de sécurité en place", "pentest"],
    ],
    'M1886': [
        ["109801", "Procédures qualité et sécurité des systèmes d'information et de télécoms", "secrules"],
        ["118540", "Ergonomie d'un site web", "ux"],
        ["118543", "Définir l'identité visuelle d'un site web", "ux"],
        ["119308", "Règlement Général européen sur la Protection des Données (RGPD)", "rgpd"],
        ["120606", "Webmarketing", "mkt"],
        ["120734", "Evaluer l'e-réputation d'un site web", "ereput"],
        ["120750", "Responsive design", "responsive"],
        ["121283", "Analyser le trafic d'un site web", "analytics"],
        ["121650", "Arborescence d'un site web", "ux"],
        ["300393", "Concevoir et mettre en oeuvre une stratégie digitale", "mkt"],
        ["300575", "Allouer et organiser les ressources d'un projet selon les besoins et contraintes", "proj"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["403780", "Veiller à la cohérence de l'image de l'entreprise sur l'ensemble des déclinaisons de la communication et des supports (éditorial, Web, Intranet, événements, médias, réseaux sociaux)", "social"],
        ["478631", "Sécurité des applications web", "websec"],
        ["479225", "Gestion de projets web", "proj"],
        ["481375", "Optimisation des performances web", "perf"],
        ["486515", "Analyser les besoins des utilisateurs pour la création de sites web", "needs"],
        ["486519", "Collaborer avec des équipes multidisciplinaires pour des projets web", "multi"],
        ["486520", "Configurer des serveurs web et gérer le déploiement", "deploy"],
        ["494552", "Formation des utilisateurs", "userform"],
        ["495566", "Gestion des utilisateurs", "iam"],
        ["497531", "Stratégies de contenu pour le web", "content"],
        ["498983", "Tests utilisateurs", "usertest"],
        ["500366", "Optimiser le référencement web des publications", "seo"],
        ["508237", "Analyser les besoins du client pour la création de sites web", "needs"],
        ["508250", "Implémenter des solutions pour l'accessibilité web", "a11y"],
        ["509316", "Améliorer l'accessibilité web pour les utilisateurs à mobilité réduite", "a11y"],
    ],
    'M1853': [
        ["102732", "Langages de programmation informatique", "lang"],
        ["102788", "HTML", "html"],
        ["106767", "Protocoles et normes télécoms", "telecom"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["106845", "Déploiement de solutions informatiques", "deploy"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109870", "Java", "java"],
        ["110150", "Anglais technique", "english"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113277", "Méthode AGILE", "agile"],
        ["113317", "Développer une application en lien avec une base de données", "db"],
        ["118305", "Sécurité des systèmes embarqués", "embedded"],
        ["120803", "Programmation logicielle", "lang"],
        ["121126", "Progiciels de gestion intégrée d'entreprise (ERP)", "erp"],
        ["121624", "Gérer la documentation technique des projets", "doc"],
        ["123486", "Audit des systèmes d'information", "audit"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300126", "Créer une documentation technique", "doc"],
        ["300199", "Développer un logiciel, un système d'informations, une application", "code"],
        ["300406", "Ecrire une ou plusieurs langues étrangères", "english"],
        ["300575", "Allouer et organiser les ressources d'un projet selon les besoins et contraintes", "proj"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["400707", "Animer une démarche agile et innovante", "agile"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["477438", "Gestion de projets informatiques", "proj"],
        ["478631", "Sécurité des applications web", "websec"],
        ["480872", "Optimisation de bases de données", "dba"],
        ["481303", "Planification de projets IT", "proj"],
        ["486424", "Superviser l'intégration continue des projets logiciels", "cicd"],
    ],
    'M1828': [
        ["113277", "Méthode AGILE", "agile"],
        ["118748", "Méthodologie Scrum", "agile"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300253", "Contrôler la conformité des données", "dq"],
        ["300308", "Estimer les coûts et les délais d'une activité ou d'une prestation", "cost"],
        ["300313", "Contrôler la réalisation et les coûts d'une prestation", "cost"],
        ["300406", "Ecrire une ou plusieurs langues étrangères", "english"],
        ["300575", "Allouer et organiser les ressources d'un projet selon les besoins et contraintes", "proj"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["400367", "Analyser des données pour soutenir des décisions stratégiques", "data"],
        ["477438", "Gestion de projets informatiques", "proj"],
        ["479419", "Suivi et contrôle de l'avancement des projets", "proj"],
    ],
    'M1864': [
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109893", "Planification de tests", "test"],
        ["113277", "Méthode AGILE", "agile"],
        ["118700", "Technologie de l'internet", "html"],
        ["118748", "Méthodologie Scrum", "agile"],
        ["200037", "Animation d'instances agiles (mêlée, démonstration, rétrospective, ...)", "agile"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300202", "Déployer, intégrer un logiciel, un système d'informations, une application", "deploy"],
        ["300575", "Allouer et organiser les ressources d'un projet selon les besoins et contraintes", "proj"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["300600", "Coordonner les équipes projet pour atteindre les objectifs", "proj"],
        ["400367", "Analyser des données pour soutenir des décisions stratégiques", "data"],
        ["477445", "Planification de projet", "proj"],
        ["481371", "Gestion de projet informatique", "proj"],
        ["482810", "Assurer le suivi des sprints et des livrables", "sprint"],
        ["483982", "Communiquer efficacement avec les parties prenantes du projet", "comm"],
        ["496072", "Méthodes de gestion de projet agile", "agile"],
        ["510664", "Suivi de projet", "proj"],
        ["510665", "Assurance qualité logicielle", "qa"],
        ["510692", "Analyser les besoins des utilisateurs pour guider le développement de produits", "needs"],
        ["510694", "Assurer la liaison entre les parties prenantes et les équipes de développement", "po"],
        ["510707", "Développer des tableaux de bord pour suivre les performances du produit", "dash"],
        ["510971", "Collabore avec les utilisateurs et l'équipe de développement sur les attentes et exigences", "po"],
    ],
    'M1814': [
        ["102732", "Langages de programmation informatique", "lang"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["113277", "Méthode AGILE", "agile"],
        ["115869", "Système KANBAN", "agile"],
        ["118748", "Méthodologie Scrum", "agile"],
        ["120246", "Gestion de projet", "proj"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["200037", "Animation d'instances agiles (mêlée, démonstration, rétrospective, ...)", "agile"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300492", "Actualiser régulièrement ses connaissances", "veille"],
        ["300575", "Allouer et organiser les ressources d'un projet selon les besoins et contraintes", "proj"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["400707", "Animer une démarche agile et innovante", "agile"],
        ["477438", "Gestion de projets informatiques", "proj"],
        ["477439", "Développement de logiciels", "code"],
        ["477445", "Planification de projet", "proj"],
        ["482810", "Assurer le suivi des sprints et des livrables", "sprint"],
    ],
    'E1206': [
        ["102532", "Technologies de l'accessibilité numérique", "a11y"],
        ["109893", "Planification de tests", "test"],
        ["113277", "Méthode AGILE", "agile"],
        ["118540", "Ergonomie d'un site web", "ux"],
        ["118543", "Définir l'identité visuelle d'un site web", "ux"],
        ["118700", "Technologie de l'internet", "html"],
        ["121341", "Concevoir un site web", "ux"],
        ["124506", "Définir la composition d'éléments graphiques", "ux"],
        ["125864", "Définir les critères d'analyse de l'expérience utilisateur", "ux"],
        ["200037", "Animation d'instances agiles (mêlée, démonstration, rétrospective, ...)", "agile"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300202", "Déployer, intégrer un logiciel, un système d'informations, une application", "deploy"],
        ["300308", "Estimer les coûts et les délais d'une activité ou d'une prestation", "cost"],
        ["300452", "Collecter et analyser des données, des informations", "data"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["400707", "Animer une démarche agile et innovante", "agile"],
        ["403161", "Anglais technique avancé, parlé, écrit", "english"],
    ],
    'E1210': [
        ["102532", "Technologies de l'accessibilité numérique", "a11y"],
        ["102732", "Langages de programmation informatique", "lang"],
        ["102788", "HTML", "html"],
        ["102789", "Programmation en JavaScript", "js"],
        ["113236", "CSS", "html"],
        ["118540", "Ergonomie d'un site web", "ux"],
        ["118543", "Définir l'identité visuelle d'un site web", "ux"],
        ["119712", "Conception d'interfaces utilisateur (UI)", "ux"],
        ["120738", "Photoshop", "ps"],
        ["120739", "Illustrator", "ai"],
        ["120750", "Responsive design", "responsive"],
        ["121650", "Arborescence d'un site web", "ux"],
        ["124506", "Définir la composition d'éléments graphiques", "ux"],
        ["125864", "Définir les critères d'analyse de l'expérience utilisateur", "ux"],
        ["403135", "Maîtrise de l'anglais professionnel", "english"],
        ["486517", "Intégrer des éléments graphiques et visuels en respectant les standards web", "design_gfx"],
        ["503714", "Analyser les données de performance d'un site web", "analytics"],
        ["508237", "Analyser les besoins du client pour la création de sites web", "needs"],
        ["508761", "Concevoir l'architecture d'un site web", "ux"],
    ],
    'E1101': [
        ["115919", "Stratégies de communication digitale", "mkt"],
        ["120734", "Evaluer l'e-réputation d'un site web", "ereput"],
        ["121283", "Analyser le trafic d'un site web", "analytics"],
        ["123213", "Veille technologique", "veille"],
        ["124698", "Analyser des échanges communautaires en ligne", "social"],
        ["300425", "Utiliser les réseaux sociaux", "social"],
        ["300471", "Animer un réseau, une communauté", "social"],
        ["405259", "Créer des documents numériques", "content"],
        ["479213", "Animation de réseaux sociaux", "social"],
        ["480765", "Création de contenu digital", "content"],
        ["489884", "Assurer la modération des commentaires liés à la e-réputation de la structure ou entreprise", "ereput"],
        ["506952", "Engager et interagir avec la communauté en ligne", "social"],
    ],
    'M1718': [
        ["115917", "Techniques de marketing digital", "mkt"],
        ["119719", "Marketing des réseaux sociaux", "social"],
        ["120606", "Webmarketing", "mkt"],
        ["121262", "Optimiser le référencement naturel (SEO) des sites web", "seo"],
        ["123010", "Optimisation SEO pour le multimédia", "seo"],
        ["403905", "Analyser les besoins des utilisateurs pour la création de contenus multimédias", "needs"],
        ["484408", "Optimiser la visibilité des publications sur les réseaux sociaux", "social"],
        ["496387", "Optimisation des moteurs de recherche (SEO)", "seo"],
    ],
    'E1405': [
        ["115917", "Techniques de marketing digital", "mkt"],
        ["117224", "Outils de web analyse - web analytics", "analytics"],
        ["119703", "Search Engine Marketing (SEM)", "sea"],
        ["120712", "CMS (Système de gestion de contenu)", "cms"],
        ["121262", "Optimiser le référencement naturel (SEO) des sites web", "seo"],
        ["123010", "Optimisation SEO pour le multimédia", "seo"],
        ["125868", "Google Analytics", "analytics"],
        ["125869", "Paramétrer un compte Google Analytics", "analytics"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300308", "Estimer les coûts et les délais d'une activité ou d'une prestation", "cost"],
        ["403135", "Maîtrise de l'anglais professionnel", "english"],
        ["404053", "Systèmes de gestion de base de données", "db"],
        ["492802", "Connaissance des directives de l'accessibilité web", "a11y"],
        ["496425", "Optimisation du référencement naturel (SEO)", "seo"],
        ["497531", "Stratégies de contenu pour le web", "content"],
        ["498614", "Techniques de rédaction web optimisées pour le référencement", "seo"],
        ["503714", "Analyser les données de performance d'un site web", "analytics"],
        ["503716", "Rédiger des contenus web optimisés pour le SEO", "seo"],
        ["503720", "Analyser les comportements des utilisateurs sur le site web", "analytics"],
        ["503721", "Développer des partenariats pour améliorer le référencement", "seo"],
        ["503724", "Conseiller sur les meilleures pratiques de référencement", "seo"],
        ["503725", "Former les équipes internes sur les techniques de SEO", "seo"],
        ["503727", "Optimiser les images et autres médias pour le SEO", "seo"],
        ["506949", "Créer du contenu attractif pour les réseaux sociaux", "social"],
    ],
    'M1815': [
        ["102532", "Technologies de l'accessibilité numérique", "a11y"],
        ["102788", "HTML", "html"],
        ["106767", "Protocoles et normes télécoms", "telecom"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109814", "Réseaux informatiques et télécoms", "net"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["109862", "Architecture web", "webapp"],
        ["109870", "Java", "java"],
        ["110150", "Anglais technique", "english"],
        ["113798", "Programmation en Python", "python"],
        ["120803", "Programmation logicielle", "lang"],
        ["121126", "Progiciels de gestion intégrée d'entreprise (ERP)", "erp"],
        ["124703", "Matériel de contrôle embarqué", "embedded"],
        ["300126", "Créer une documentation technique", "doc"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["300586", "Concevoir et développer une solution digitale", "webapp"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["300688", "Application web", "webapp"],
        ["400199", "Analyser les besoins informatiques", "needs"],
        ["402029", "Analyser des résultats de tests et essais", "qa"],
        ["477856", "Développement de tests automatisés", "test"],
        ["477860", "Développement de tests de sécurité", "pentest"],
        ["477863", "Rédaction de documentation technique", "doc"],
        ["477872", "Tests de l'interface utilisateur", "usertest"],
        ["483288", "Documenter les anomalies rencontrées lors des tests", "qa"],
        ["483289", "Collaborer avec les développeurs pour la correction des bugs", "qa"],
        ["483291", "Evaluer les risques potentiels liés à une nouvelle version du logiciel", "qa"],
    ],
    'G1238': [
        ["108471", "Définir un objectif d'apprentissage et le programme des activités pédagogiques", "peda"],
        ["108476", "Adapter l'apprentissage selon la progression pédagogique, les difficultés rencontrées", "peda"],
        ["115277", "Développer un projet pédagogique", "peda"],
        ["140975", "Accompagner et développer l'autonomie dans l'usage des outils numériques et des services digitaux", "mediation"],
        ["300014", "Conseiller, accompagner une personne", "accomp"],
        ["300492", "Actualiser régulièrement ses connaissances", "veille"],
        ["403140", "Techniques de communication, technologies de l'information, Internet, vidéo, réseaux sociaux (LinkedIn, Twitter...) , multimédia", "social"],
        ["493072", "Connaissance des normes de l'accessibilité web", "a11y"],
        ["493478", "Connaissance des réseaux sociaux", "social"],
        ["498294", "Techniques de médiation numérique", "mediation"],
        ["501940", "Encourager l'utilisation responsable des réseaux sociaux", "social"],
        ["502881", "Animer des ateliers multimédia", "mediation"],
        ["502884", "Encourager la créativité numérique", "mediation"],
        ["504358", "Sensibiliser à la protection des données personnelles", "rgpd"],
    ],
    'M1894': [
        ["102612", "Actualiser des bases de données", "dba"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109854", "Systèmes d'exploitation informatique", "os"],
        ["115948", "Gérer les sauvegardes de données et les plans de récupération", "backup"],
        ["117697", "Contrôler la qualité d'une base de données", "dba"],
        ["120316", "Concevoir les paramètres et l'architecture de la base de données", "dba"],
        ["120743", "Système de Gestion de Bases de Données (SGBD)", "db"],
        ["124908", "Protection des données numériques", "rgpd"],
        ["125100", "Configuration de pare-feu et de systèmes de prévention d'intrusion", "fw"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["400298", "Elaborer et mettre en oeuvre un plan de tests", "test"],
        ["404055", "Connaissance des solutions de manipulation des données ETL/LET", "etl"],
        ["484402", "Documenter les procédures techniques pour les utilisateurs", "doc"],
        ["484476", "Optimiser les processus de sauvegarde des données", "backup"],
        ["486978", "Elaborer des stratégies de sauvegarde des données", "backup"],
        ["492275", "Audit de sécurité des bases de données", "audit"],
        ["494557", "Formation des utilisateurs sur les bases de données", "userform"],
        ["495567", "Gestion des utilisateurs et des permissions", "iam"],
        ["495842", "Maintenance préventive des bases de données", "dba"],
        ["496194", "Mise en place de réplications de données", "dba"],
        ["496417", "Optimisation des requêtes SQL", "dba"],
        ["497372", "Restauration de données après incident", "backup"],
        ["497377", "Sauvegarde et récupération de données", "backup"],
        ["508941", "Surveiller les performances du système de gestion de bases de données", "db"],
        ["508942", "Diagnostiquer et résoudre les problèmes liés aux bases de données", "diag"],
        ["508945", "Configurer des réplications de données pour assurer la disponibilité", "dba"],
        ["508947", "Elaborer des stratégies de partitionnement des données pour optimiser les performances", "dba"],
    ],
    'M1806': [
        ["109794", "Intelligence artificielle", "ml"],
        ["109797", "Définir la stratégie des systèmes d'informations", "func"],
        ["119308", "Règlement Général européen sur la Protection des Données (RGPD)", "rgpd"],
        ["121126", "Progiciels de gestion intégrée d'entreprise (ERP)", "erp"],
        ["300202", "Déployer, intégrer un logiciel, un système d'informations, une application", "deploy"],
        ["300679", "Tester un logiciel, un système d'informations, une application", "test"],
        ["400367", "Analyser des données pour soutenir des décisions stratégiques", "data"],
        ["404223", "Elaborer et suivre des tableaux de bord des incidents sécurité", "dash"],
        ["405431", "Accompagner et former un client sur l'applicatif métier ou l'interface utilisateur", "func"],
        ["477438", "Gestion de projets informatiques", "proj"],
        ["479269", "Gestion des risques informatiques", "risk"],
        ["485330", "Assurer la formation des utilisateurs sur les nouveaux outils", "userform"],
        ["486880", "Analyser les besoins fonctionnels des utilisateurs", "needs"],
        ["494055", "Documentation technique détaillée", "doc"],
        ["505243", "Analyser les besoins des utilisateurs pour la conception de systèmes", "needs"],
    ],
    'M1813': [
        ["102532", "Technologies de l'accessibilité numérique", "a11y"],
        ["104564", "Langage C++", "cpp"],
        ["106844", "Règles de sécurité Informatique et Télécoms", "secrules"],
        ["109870", "Java", "java"],
        ["109882", "Gestion de bases de données NoSQL", "nosql"],
        ["113255", "Business Intelligence (BI) - Informatique décisionnelle", "bi"],
        ["113281", "Script Shell", "script"],
        ["113798", "Programmation en Python", "python"],
        ["120803", "Programmation logicielle", "lang"],
        ["126535", "Réaliser des études et développements informatiques", "code"],
        ["300019", "Accompagner l'appropriation d'un outil par ses utilisateurs", "userform"],
        ["300067", "Analyser, exploiter, structurer des données", "data"],
        ["300188", "Rédiger un cahier des charges, des spécifications techniques", "cdc"],
        ["300199", "Développer un logiciel, un système d'informations, une application", "code"],
        ["300313", "Contrôler la réalisation et les coûts d'une prestation", "cost"],
        ["300492", "Actualiser régulièrement ses connaissances", "veille"],
        ["300579", "Communiquer auprès de ses interlocuteurs internes et externes", "comm"],
        ["400707", "Animer une démarche agile et innovante", "agile"],
        ["400759", "Intégrer des outils IA/Data Science", "ml"],
        ["402039", "Anticiper les risques de cybersécurité", "risk"],
        ["403161", "Anglais technique avancé, parlé, écrit", "english"],
    ],
    'D1214': [
        ["100016", "Gestes et postures de manutention", "logi"],
        ["100340", "Techniques de vente et de promotion", "vente"],
        ["102405", "Techniques de mise en rayon", "rayon"],
        ["124714", "Caractéristiques des mécanismes horlogers", "meca"],
        ["300263", "Réceptionner des produits, des matières premières, vérifier la conformité d'une livraison", "conduite"],
        ["300280", "Organiser le traitement des commandes", "logi"],
        ["300361", "Accueillir, orienter, renseigner un public", "vente"],
        ["300374", "Présenter et valoriser un produit ou un service", "vente"],
    ],
    'D1505': [
        ["104174", "Accueillir, orienter et renseigner un client", "vente"],
        ["300374", "Présenter et valoriser un produit ou un service", "vente"],
    ],
    'J1506': [
        ["107376", "Soins de nursing", "soin"],
        ["107715", "Réaliser des soins infirmiers", "soin"],
        ["107736", "Surveiller l'évolution de l'état de santé des patients", "soin"],
        ["115073", "Communiquer clairement les consignes de soins aux patients", "soin"],
        ["115845", "Rechercher, traiter et transmettre les informations pour assurer la continuité des soins et des activités", "soin"],
        ["121814", "Protocoles de soins", "soin"],
        ["404317", "Créer une relation de confiance avec les patients", "soin"],
        ["476921", "Communication patient", "soin"],
        ["482241", "Communiquer avec les patients et leurs familles", "soin"],
        ["482296", "Participer à des programmes de recherche en soins infirmiers", "soin"],
        ["486951", "Collaborer avec les équipes multidisciplinaires pour le suivi des patients", "soin"],
        ["489954", "Garantir des pratiques de soins inclusives pour les minorités", "soin"],
        ["490128", "Modalités de prise en charge du patient ou de la personne accompagnée", "soin"],
        ["499116", "Utilisation de logiciels de gestion de patientèle", "soin"],
    ],
    'J1501': [
        ["107663", "Distribuer les repas et collations au patient/résident selon les besoins ou la prescription médicale", "soin"],
        ["107740", "Réaliser ou contrôler les soins d'hygiène, de confort et apporter une aide au patient", "soin"],
        ["107747", "Evaluer la douleur des patients et ajuster les soins", "soin"],
        ["115845", "Rechercher, traiter et transmettre les informations pour assurer la continuité des soins et des activités", "soin"],
        ["120690", "Informer, conseiller le patient ou la personne accompagnée dans la gestion de son environnement", "soin"],
        ["404317", "Créer une relation de confiance avec les patients", "soin"],
        ["483082", "Surveiller l'état de santé général de la personne", "soin"],
        ["489898", "Accompagner et soutenir les patients pour une intervention médicale ou un examen diagnostic", "soin"],
        ["489901", "Assister l'infirmier lors de la réalisation de soins", "soin"],
        ["489902", "Accompagner le patient ou le résident pendant ses repas selon les besoins ou la prescription médicale", "soin"],
        ["489905", "Veiller à la bonne compréhension des consignes de soins aux patients", "soin"],
        ["489908", "Techniques de manipulation du patient", "soin"],
        ["489951", "Renseigner les soins réalisés dans le dossier médical du patient ou de la personne accompagnée", "soin"],
        ["490128", "Modalités de prise en charge du patient ou de la personne accompagnée", "soin"],
    ],
    'N1103': [
        ["100016", "Gestes et postures de manutention", "logi"],
        ["110034", "Sécurité des opérations de chargement et déchargement", "conduite"],
        ["110036", "Réaliser le prélèvement de produits selon les instructions de préparation de commande et constituer les colis, lots, ...", "logi"],
        ["110040", "Lecture de plan de stockage", "btp"],
        ["110098", "Gérer les documents de transport et de suivi de commande", "logi"],
        ["123660", "Ranger des produits ou marchandises selon leurs dates de validité et les conditions de conservation", "rayon"],
        ["124472", "Respect des délais de livraison", "conduite"],
        ["124793", "Identifier les conditions de réalisation d'une commande", "logi"],
        ["300263", "Réceptionner des produits, des matières premières, vérifier la conformité d'une livraison", "conduite"],
        ["300268", "Conditionner des produits", "logi"],
        ["300280", "Organiser le traitement des commandes", "logi"],
        ["300645", "Préparer les commandes en suivant les procédures", "logi"],
        ["400163", "Contrôler la conformité du produit à la commande", "logi"],
        ["479956", "Capacité à lire et interpréter des bons de livraison", "conduite"],
        ["484044", "Traiter les commandes et préparer les expéditions", "logi"],
        ["485564", "Traiter les informations relatives aux commandes et aux spécifications des clients", "logi"],
        ["485802", "Traiter les informations de livraison et ajuster les plans en conséquence", "conduite"],
        ["486189", "Utiliser des systèmes informatiques pour la gestion des commandes", "logi"],
        ["512445", "Formation complémentaire agent magasinier préparateur de commandes", "logi"],
    ],
    'F1703': [
        ["100596", "Techniques de maçonnerie", "btp"],
        ["103070", "Lecture de plans et de schémas", "btp"],
        ["103771", "Coffrer des ouvrages en béton", "btp"],
        ["121482", "Appliquer les mortiers", "btp"],
        ["121518", "Positionner des éléments d'armature de béton", "btp"],
        ["121811", "Couler des ouvrages en béton", "btp"],
        ["121953", "Couler le mortier", "btp"],
        ["140912", "Techniques de maçonnerie paysagère", "btp"],
        ["140913", "Réaliser des ouvrages de maçonnerie paysagère (dallages, pavages, murets, escaliers, ...)", "btp"],
        ["200062", "Conduite hors production des PEMP des types 1 et 3 (CACES R 486-C) - Depuis le 01/01/2020", "conduite"],
        ["300221", "Réaliser des ouvrages de maçonnerie", "btp"],
        ["400081", "Assembler et positionner les éléments d'armatures et les caissons pour le béton", "btp"],
    ],
    'G1602': [
        ["100016", "Gestes et postures de manutention", "logi"],
        ["104100", "Fiches techniques de cuisine", "cuisine"],
        ["119439", "Cuisiner des sauces pour accompagner les produits", "cuisine"],
        ["122435", "Système Hazard Analysis Critical Control Point (HACCP)", "cuisine"],
        ["123660", "Ranger des produits ou marchandises selon leurs dates de validité et les conditions de conservation", "rayon"],
        ["124935", "Dresser des plats pour le service", "cuisine"],
        ["125006", "Préparer des ustensiles de cuisine", "cuisine"],
        ["300263", "Réceptionner des produits, des matières premières, vérifier la conformité d'une livraison", "conduite"],
        ["400429", "Manipuler des équipements de cuisine", "cuisine"],
        ["480774", "Communication en équipe en cuisine", "cuisine"],
    ],
    'M1203': [
        ["101360", "Comptabilité générale", "compta"],
        ["109411", "Comptabilité analytique", "compta"],
        ["117019", "Méthodes et procédures de contrôle comptable", "compta"],
        ["117579", "Système d'information comptable", "compta"],
        ["117781", "Comptabilité client", "compta"],
        ["117782", "Comptabilité fournisseurs", "compta"],
        ["120886", "Logiciels comptables", "compta"],
        ["121077", "Comptabilité bancaire", "compta"],
        ["121484", "Normes comptables internationales", "compta"],
        ["121739", "Réaliser un bilan comptable", "compta"],
        ["122048", "Contrôler des écritures comptables", "compta"],
        ["122740", "Elaborer des annexes comptables", "compta"],
        ["124138", "Comptabiliser des devises", "compta"],
        ["124318", "Réaliser une gestion comptable", "compta"],
        ["124768", "Vérifier l'enregistrement d'opérations bancaires et de justificatifs comptables réglementaires", "compta"],
        ["124777", "Superviser des opérations d'inventaire comptable", "compta"],
        ["300320", "Garantir la fiabilité des comptes et des documents comptables", "compta"],
        ["404566", "Règles budgétaires et comptables de la comptabilité publique", "compta"],
        ["489828", "Préparer des documents comptables", "compta"],
        ["500707", "Assurer la formation continue de l'équipe comptable", "compta"],
        ["500981", "Vérifier la conformité des documents comptables", "compta"],
        ["500987", "Assurer la veille réglementaire comptable et fiscale", "compta"],
        ["507296", "Participer à l'amélioration des systèmes d'information comptable", "compta"],
        ["507980", "Analyser les documents comptables et fiscaux", "compta"],
        ["511583", "Participer à la préparation des bilans comptables", "compta"],
        ["511619", "Enregistrer les opérations comptables dans les livres de comptes (achats, ventes, encaissements, paiements, etc)", "compta"],
    ],
    'M1607': [
        ["101360", "Comptabilité générale", "compta"],
        ["109662", "Règles d'affranchissement du courrier", "secr"],
        ["120722", "Gérer les agendas et planifier des rendez-vous", "secr"],
        ["120886", "Logiciels comptables", "compta"],
        ["120992", "Gestion administrative du courrier", "secr"],
        ["124616", "Saisir des documents juridiques", "secr"],
        ["300125", "Renseigner, mettre à jour une documentation technique", "doc"],
        ["300280", "Organiser le traitement des commandes", "logi"],
        ["300318", "Réaliser des opérations comptables", "compta"],
        ["300361", "Accueillir, orienter, renseigner un public", "vente"],
    ],
    'N4101': [
        ["100016", "Gestes et postures de manutention", "logi"],
        ["107112", "Véhicules de BTP", "conduite"],
        ["108568", "Règles de conduite et de sécurité routière", "conduite"],
        ["110024", "Conduire un poids lourd", "conduite"],
        ["110527", "Contrôler l'état de fonctionnement du véhicule", "conduite"],
        ["110565", "Véhicule citerne", "conduite"],
        ["110675", "Procéder aux vérifications de sécurité d'un véhicule", "conduite"],
        ["119992", "Prendre en charge un véhicule avec ses équipements et accessoires", "conduite"],
        ["120419", "Véhicule frigorifique", "conduite"],
        ["121002", "Entretien de véhicules", "conduite"],
        ["140977", "Principes de l'éco-conduite", "conduite"],
        ["400094", "Pratiquer des gestes et postures de manutention en toute sécurité", "logi"],
        ["400117", "Appliquer les principes d'écoconduite", "conduite"],
        ["479070", "Techniques de conduite en conditions difficiles", "conduite"],
        ["479072", "Techniques de gestion du temps de conduite", "conduite"],
        ["479904", "Techniques de conduite économique et écologique", "conduite"],
        ["480991", "Maîtrise des systèmes d'assistance à la conduite (ADAS)", "conduite"],
        ["481675", "Adaptation à différents types de véhicules", "conduite"],
        ["483361", "Maintenir la propreté du véhicule", "conduite"],
        ["483844", "Adapter la conduite à diverses conditions météorologiques", "conduite"],
        ["485096", "Organiser le chargement du véhicule selon le plan de tournée", "conduite"],
        ["485793", "Respecter les horaires de livraison prévus", "conduite"],
        ["489623", "Connaissance des motorisations de véhicules (thermique, électrique)", "conduite"],
        ["491645", "Habilitation pour la conduite de certains véhicules routiers affectés aux transports de marchandises", "conduite"],
        ["512813", "Anticiper la conduite à tenir dans les situations anormales et les situations d'urgence : transport routier", "conduite"],
        ["512837", "Arrimer, charger et décharger des marchandises", "conduite"],
        ["513458", "Utiliser les aides à la conduite", "conduite"],
    ],
    'F1602': [
        ["103070", "Lecture de plans et de schémas", "btp"],
        ["103495", "Réaliser et poser des chemins de câbles et des conduits électriques en apparent ou en encastré", "elec"],
        ["105734", "Réaliser une opération de câblage électrique", "elec"],
        ["105775", "Vérifier le montage et le câblage (valeur des composants, continuité électrique, ...)", "elec"],
        ["106811", "Contrôler la qualité des installations électriques", "elec"],
        ["114347", "Réaliser la pose de la partie électrique des installations photovoltaïques", "elec"],
        ["121778", "Raccorder des éléments basse tension", "elec"],
        ["122872", "Installer un système électrique", "elec"],
        ["300220", "Raccorder, gérer un réseau technique", "elec"],
        ["400248", "Mettre en place de petits appareillages Basse Tension (BT) tels que prises de courant, appareils d'éclairage, de commande, de coupure, de chauffage", "logi"],
        ["478989", "Diagnostic de pannes électriques", "diag"],
        ["480107", "Interprétation de données techniques électriques", "elec"],
        ["480242", "Techniques de câblage électrique sécurisé", "elec"],
        ["499701", "Contrôler la conformité des installations électriques", "elec"],
        ["499702", "Diagnostiquer des pannes ou anomalies sur l'installation électrique et mettre en place les actions nécessaires pour y remédier", "diag"],
        ["506061", "Mettre à jour la documentation technique et les rapports d'intervention", "doc"],
        ["506608", "Concevoir des systèmes électriques conformes aux normes de sécurité", "elec"],
        ["507457", "Evaluer les risques liés aux installations électriques et proposer des mesures préventives", "elec"],
        ["512635", "Normes de référence pour l'installation et la maintenance électrique", "elec"],
        ["512761", "Installation du tableau électrique, des équipements et des systèmes électriques", "elec"],
        ["512765", "Sécurité électrique en milieu humide et immergé", "elec"],
        ["512889", "Concevoir une infrastructure de recharge pour véhicules électriques et hybrides rechargeables (irve)", "conduite"],
        ["512890", "Concevoir une infrastructure électrique pour énergies renouvelables (enr)", "elec"],
        ["513760", "Mettre en œuvre des plans de maintenance et de rénovation pour garantir la performance et la fiabilité de l'installation électrique", "elec"],
    ],
    'I1604': [
        ["103070", "Lecture de plans et de schémas", "btp"],
        ["106474", "Principe de fonctionnement du circuit de lubrification d'un moteur", "meca"],
        ["106979", "Principe de fonctionnement d'un moteur diesel", "meca"],
        ["107047", "Contrôler la conformité technique d'un véhicule", "conduite"],
        ["107068", "Caractéristiques des pièces de véhicules à recycler", "conduite"],
        ["113751", "Conduire un véhicule léger", "conduite"],
        ["114976", "Installer des équipements complémentaires (dispositifs de confort, protection, films teintés, attelage, ...) sur un véhicule automobile particulier ou industriel", "conduite"],
        ["116708", "Procédures d'entretien de véhicules", "conduite"],
        ["483962", "Mettre à jour les logiciels embarqués des véhicules", "conduite"],
        ["489614", "Caractéristiques et principe de fonctionnement des organes de transmission des véhicules thermiques, des véhicules électriques et hybrides", "conduite"],
        ["489618", "Catégories d'habilitations électriques", "elec"],
        ["489624", "Systèmes de directions (de véhicules)", "conduite"],
        ["489625", "Identification des travaux d'ordre électrique et non électrique", "elec"],
        ["489649", "Habilitation électrique BOL/BCL/B2VL/BCL", "safety"],
        ["489689", "Procédures de contrôle d'un moteur", "meca"],
        ["489711", "Technologie des systèmes de freinage des véhicules thermiques, électriques et hybrides", "conduite"],
        ["489723", "Mécanicien automobile", "meca"],
        ["489735", "Zones de risques électriques", "elec"],
        ["489756", "Appliquer les normes relatives à la prévention des risques électriques", "elec"],
        ["489785", "Contrôler l'état de charge et de vieillissement d'une batterie de traction d'un véhicule", "conduite"],
        ["489787", "Contrôler visuellement les éléments de charge d'un véhicule électrique et/ou hybride", "conduite"],
        ["489836", "Réaliser la maintenance des systèmes de dépollution essence ou diesel d'un moteur thermique", "meca"],
        ["489839", "Réaliser la maintenance des systèmes injection essence ou diesel d'un moteur thermique", "meca"],
        ["489841", "Réaliser la maintenance des systèmes de suralimentation essence ou diesel d'un moteur", "meca"],
        ["489853", "Réaliser les opérations d'entretien des circuits d'allumage, air, carburant, échappement du moteur", "meca"],
        ["489855", "Réaliser les opérations d'entretien des éléments électriques, de sécurité, de confort d'un véhicule", "conduite"],
        ["490421", "Réaliser les diagnostics des différents organes (ou systèmes) du véhicule: moteur, direction, freinage, embrayage, transmissions ou encore climatisation", "conduite"],
        ["515263", "Mécanicien automobile [Polynésie Française]", "meca"],
    ],
}

# CONCEPT_TRIGGERS[concept] = regex that must match the description for an item of that concept to be ticked.
CONCEPT_TRIGGERS = {
    'lang': '\\b(Java|Python|PHP|C#|JavaScript|TypeScript|Kotlin|Swift|C\\+\\+|Go|Rust|Dart)\\b',
    'html': 'HTML|CSS',
    'js': 'JavaScript|\\bJS\\b|React|Angular|Vue\\.js|Node\\.js|TypeScript',
    'java': '\\bJava\\b(?!Script)',
    'python': 'Python',
    'csharp': 'C#|\\.NET',
    'cpp': 'C\\+\\+',
    'agile': 'agil|Scrum|Kanban|sprint|SAFe',
    'cicd': 'CI/CD|intégration continue|GitLab CI|Jenkins|GitHub Actions',
    'webapp': 'applications? web|plateforme web|site[s]? (web|e-commerce)|web app',
    'db': 'SQL|base[s]? de données|\\bBDD\\b|MongoDB',
    'nosql': 'NoSQL|MongoDB|Cassandra|Redis|Elasticsearch',
    'code': 'développ',
    'test': '\\btests?\\b|recette|TDD|Cypress|Selenium|PHPUnit|JUnit|Jest',
    'doc': 'documentation|documenter',
    'needs': 'besoins',
    'websec': 'sécurit|OWASP',
    'secrules': 'sécurit',
    'a11y': 'accessibilit|RGAA',
    'mobile': 'mobile|iOS|Android|Flutter|React Native',
    'seo': 'SEO|référencement',
    'cms': '\\bCMS\\b|WordPress|Drupal|PrestaShop|Shopify',
    'bugs': 'bugs?\\b|anomalies|correctifs?',
    'deploy': 'déploi|mise[s]? en production',
    'multi': 'pluridisciplinaire|designers?|UX',
    'perf': 'performance|optimis',
    'diag': 'diagnosti|panne|dépann',
    'poste': 'postes? de travail|installation|masteris|mises? à jour',
    'os': 'Windows|Linux|macOS',
    'linux': 'Linux|Unix|Debian|Red ?Hat',
    'net': 'réseau|TCP/IP|\\bLAN\\b|VLAN|routage',
    'parc': '\\bparc\\b|inventaire|GLPI',
    'userform': '(former|formation|accompagn\\w*) (les |des )?utilisateurs',
    'incident': 'incidents?|tickets?',
    'remote': 'à distance|hotline|téléphon|prise en main',
    'virt': 'VMware|Hyper-V|virtualisation|Proxmox',
    'script': 'script|PowerShell|Bash|Ansible',
    'admin': 'administr',
    'backup': 'sauvegarde|Veeam|\\bPRA\\b|restauration',
    'vpn': 'VPN',
    'fw': 'pare-feu|firewall|Fortinet|Stormshield|Palo Alto',
    'netconf': 'switch|commutateur|routeur|Cisco|Aruba|Wi-Fi',
    'cloud': 'cloud|AWS|Azure|GCP|OVH',
    'devops': 'DevOps|pipeline',
    'data': 'donnée|data',
    'dash': 'tableaux? de bord|dashboard|Power BI|Tableau|Looker|KPI|reporting',
    'bi': '\\bBI\\b|décisionnel|Power BI|Qlik',
    'ml': 'machine learning|\\bIA\\b|intelligence artificielle|prédicti|scikit|TensorFlow|PyTorch|LLM',
    'tfpt': 'TensorFlow|PyTorch',
    'bigdata': 'Hadoop|Spark|Kafka|big data|streaming',
    'etl': '\\bETL\\b|\\bELT\\b|Talend|dbt|Airflow',
    'stats': 'statisti',
    'dq': 'qualité (des|de la) donnée|data quality|fiabilité des données',
    'rgpd': 'RGPD|données personnelles',
    'alerts': 'alerte|SIEM|détection|Splunk|QRadar|Sentinel',
    'secinc': 'incident|crise',
    'vuln': 'vulnérabilit|\\bCVE\\b|correctifs',
    'pentest': 'intrusion|pentest|Burp|audit',
    'audit': 'audit',
    'veille': 'veille',
    'english': 'anglais|English',
    'risk': 'risques?|ISO 27001|EBIOS',
    'proj': 'projet|planning|pilot',
    'cdc': 'cahier des charges|spécification',
    'cost': 'budget|délais|coûts',
    'comm': 'interlocuteur|parties prenantes|communiquer',
    'sprint': 'sprint',
    'po': 'backlog|user stor|besoins',
    'ux': 'maquette|wireframe|prototyp|Figma|interface|\\bUX\\b|\\bUI\\b|ergonom|parcours utilisateur',
    'usertest': 'tests? utilisateurs?',
    'ps': 'Photoshop',
    'ai': 'Illustrator',
    'responsive': 'responsive',
    'social': 'réseaux sociaux|communauté|Instagram|LinkedIn|TikTok',
    'ereput': 'e-réputation|modération|modérer',
    'analytics': 'Google Analytics|GA4|trafic|audience|analytics',
    'mkt': 'marketing digital|webmarketing|acquisition|campagne',
    'content': 'contenus?',
    'sea': '\\bSEA\\b|Google Ads',
    'mediation': 'ateliers?|démarches en ligne|inclusion numérique|autonomie numérique',
    'accomp': 'accompagn',
    'peda': 'pédagog|séance',
    'fibre': 'fibre|FTTH|soudure|raccord|réflectom|\\bPBO\\b|\\bPTO\\b',
    'safety': 'AIPR|habilitation|hauteur|nacelle|CACES',
    'telecom': 'télécom|courants faibles',
    'erp': 'ERP|SAP|Sage|Dynamics|Odoo|paramétr',
    'func': 'fonctionnel|utilisateurs clés|key users',
    'dba': 'base[s]? de données|SQL|Oracle|PostgreSQL|réplication|requête',
    'qa': '\\btests?\\b|anomalies|recette|non-régression',
    'embedded': 'embarqu|microcontrôleur|firmware|RTOS|\\bCAN\\b|STM32|temps réel',
    'monitor': 'supervision|monitoring|Zabbix|Centreon|Grafana|Prometheus|Nagios',
    'iam': "Active Directory|comptes utilisateurs|droits d'accès|habilitations|\\bIAM\\b|Entra",
    'exploit': 'exploitation',
    'design_gfx': 'graphi|charte|visuel',
    'vente': 'client|vente|conseil|encaiss',
    'rayon': 'rayon|réassort',
    'soin': 'soins|patient|résident|hygiène',
    'logi': 'commande|colis|préparation|manutention',
    'btp': 'maçonn|béton|mortier|parpaing|coffrage|plans?\\b',
    'cuisine': 'cuisine|HACCP|mise en place|préparation',
    'compta': 'comptab|TVA|écritures|rapprochement|bilan',
    'secr': 'courrier|accueil|agenda|planning|secrétariat',
    'conduite': 'conduite|livraison|chargement|poids lourd|\\bPL\\b',
    'elec': 'électri|câblage|tableau',
    'meca': 'mécani|diagnostic|véhicule|entretien',
}


if __name__ == "__main__":
    main()
