#!/usr/bin/env python3
"""Generate the DEMO GEN training catalogue (corpora/catalogue/trainings.jsonl).

This is authored demonstration data, not the real list of "Grande École du
Numérique" labelled trainings.  Providers are fictional; cities, INSEE commune
codes, postcodes and ROME 4.0 codes are real.  The output is deterministic:
standard library only, fixed seed, no dependence on the current date.

    python3 corpora/catalogue/gen_catalogue.py
"""

import datetime as dt
import json
import os
import sys
import random

SEED = 20261129
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trainings.jsonl")

# Reference date used to build a few deliberately stale entries (expired label,
# sessions all in the past) so that the engine's filters have something to drop.
REFERENCE_DATE = dt.date(2026, 11, 29)
FIRST_START = dt.date(2026, 1, 5)
LAST_START = dt.date(2027, 6, 30)

# --------------------------------------------------------------------------
# Cities: (INSEE commune code, city, postcode, lat, lon, region code)
# Paris, Lyon and Marseille use their arrondissement codes.
# --------------------------------------------------------------------------
CITIES = [
    ("75111", "Paris", "75011", 48.8594, 2.3787, "11"),
    ("75119", "Paris", "75019", 48.8869, 2.3847, "11"),
    ("75113", "Paris", "75013", 48.8287, 2.3625, "11"),
    ("75120", "Paris", "75020", 48.8632, 2.4008, "11"),
    ("75118", "Paris", "75018", 48.8927, 2.3487, "11"),
    ("93066", "Saint-Denis", "93200", 48.9364, 2.3601, "11"),
    ("93048", "Montreuil", "93100", 48.8635, 2.4486, "11"),
    ("93008", "Bobigny", "93000", 48.9074, 2.4398, "11"),
    ("92050", "Nanterre", "92000", 48.8962, 2.2071, "11"),
    ("92012", "Boulogne-Billancourt", "92100", 48.8364, 2.2391, "11"),
    ("94028", "Créteil", "94000", 48.7838, 2.4547, "11"),
    ("94041", "Ivry-sur-Seine", "94200", 48.8123, 2.3877, "11"),
    ("95127", "Cergy", "95000", 49.0400, 2.0511, "11"),
    ("91228", "Évry-Courcouronnes", "91000", 48.6269, 2.4301, "11"),
    ("78646", "Versailles", "78000", 48.8023, 2.1174, "11"),
    ("77284", "Meaux", "77100", 48.9569, 2.9001, "11"),
    ("69383", "Lyon", "69003", 45.7534, 4.8692, "84"),
    ("69387", "Lyon", "69007", 45.7334, 4.8376, "84"),
    ("69266", "Villeurbanne", "69100", 45.7710, 4.8891, "84"),
    ("38185", "Grenoble", "38000", 45.1822, 5.7212, "84"),
    ("42218", "Saint-Étienne", "42000", 45.4302, 4.3787, "84"),
    ("63113", "Clermont-Ferrand", "63000", 45.7859, 3.1154, "84"),
    ("74010", "Annecy", "74000", 45.9016, 6.1181, "84"),
    ("26362", "Valence", "26000", 44.9226, 4.9136, "84"),
    ("73065", "Chambéry", "73000", 45.5836, 5.9088, "84"),
    ("31555", "Toulouse", "31000", 43.5960, 1.4321, "76"),
    ("34172", "Montpellier", "34000", 43.6134, 3.8693, "76"),
    ("30189", "Nîmes", "30000", 43.8447, 4.3476, "76"),
    ("66136", "Perpignan", "66000", 42.6964, 2.8990, "76"),
    ("34032", "Béziers", "34500", 43.3475, 3.2309, "76"),
    ("81004", "Albi", "81000", 43.9258, 2.1475, "76"),
    ("65440", "Tarbes", "65000", 43.2347, 0.0662, "76"),
    ("33063", "Bordeaux", "33000", 44.8576, -0.5733, "75"),
    ("33281", "Mérignac", "33700", 44.8323, -0.6819, "75"),
    ("87085", "Limoges", "87000", 45.8544, 1.2488, "75"),
    ("86194", "Poitiers", "86000", 46.5836, 0.3596, "75"),
    ("64445", "Pau", "64000", 43.3200, -0.3501, "75"),
    ("17300", "La Rochelle", "17000", 46.1625, -1.1734, "75"),
    ("59350", "Lille", "59000", 50.6319, 3.0470, "32"),
    ("59512", "Roubaix", "59100", 50.6884, 3.1819, "32"),
    ("59599", "Tourcoing", "59200", 50.7258, 3.1597, "32"),
    ("80021", "Amiens", "80000", 49.9004, 2.2897, "32"),
    ("59606", "Valenciennes", "59300", 50.3591, 3.5162, "32"),
    ("59183", "Dunkerque", "59140", 51.0302, 2.3369, "32"),
    ("62498", "Lens", "62300", 50.4376, 2.8212, "32"),
    ("13201", "Marseille", "13001", 43.2999, 5.3823, "93"),
    ("13203", "Marseille", "13003", 43.3121, 5.3801, "93"),
    ("13213", "Marseille", "13013", 43.3493, 5.4337, "93"),
    ("06088", "Nice", "06000", 43.7124, 7.2379, "93"),
    ("83137", "Toulon", "83000", 43.1365, 5.9326, "93"),
    ("84007", "Avignon", "84000", 43.9354, 4.8411, "93"),
    ("13001", "Aix-en-Provence", "13100", 43.5361, 5.3986, "93"),
    ("67482", "Strasbourg", "67000", 48.5713, 7.7678, "44"),
    ("68224", "Mulhouse", "68100", 47.7490, 7.3254, "44"),
    ("57463", "Metz", "57000", 49.1082, 6.1960, "44"),
    ("54395", "Nancy", "54000", 48.6901, 6.1753, "44"),
    ("51454", "Reims", "51100", 49.2517, 4.0402, "44"),
    ("10387", "Troyes", "10000", 48.2967, 4.0784, "44"),
    ("44109", "Nantes", "44000", 47.2320, -1.5482, "52"),
    ("49007", "Angers", "49000", 47.4767, -0.5562, "52"),
    ("72181", "Le Mans", "72000", 47.9887, 0.2001, "52"),
    ("44184", "Saint-Nazaire", "44600", 47.2803, -2.2511, "52"),
    ("85191", "La Roche-sur-Yon", "85000", 46.6677, -1.4079, "52"),
    ("35238", "Rennes", "35000", 48.1117, -1.6819, "53"),
    ("29019", "Brest", "29200", 48.4003, -4.5023, "53"),
    ("56121", "Lorient", "56100", 47.7507, -3.3789, "53"),
    ("22278", "Saint-Brieuc", "22000", 48.5148, -2.7633, "53"),
    ("56260", "Vannes", "56000", 47.6598, -2.7571, "53"),
    ("76540", "Rouen", "76000", 49.4415, 1.0936, "28"),
    ("76351", "Le Havre", "76600", 49.4984, 0.1409, "28"),
    ("14118", "Caen", "14000", 49.1850, -0.3699, "28"),
    ("50129", "Cherbourg-en-Cotentin", "50100", 49.6318, -1.6209, "28"),
    ("27229", "Évreux", "27000", 49.0198, 1.1415, "28"),
    ("21231", "Dijon", "21000", 47.3229, 5.0375, "27"),
    ("25056", "Besançon", "25000", 47.2552, 6.0193, "27"),
    ("90010", "Belfort", "90000", 47.6470, 6.8452, "27"),
    ("71076", "Chalon-sur-Saône", "71100", 46.7899, 4.8524, "27"),
    ("45234", "Orléans", "45000", 47.8823, 1.9166, "24"),
    ("37261", "Tours", "37000", 47.3984, 0.6961, "24"),
    ("18033", "Bourges", "18000", 47.0749, 2.4046, "24"),
    ("28085", "Chartres", "28000", 48.4471, 1.5057, "24"),
    ("2A004", "Ajaccio", "20000", 41.9347, 8.7009, "94"),
    ("2B033", "Bastia", "20200", 42.6864, 9.4251, "94"),
    ("97120", "Pointe-à-Pitre", "97110", 16.2364, -61.5369, "01"),
    ("97101", "Les Abymes", "97139", 16.2728, -61.5018, "01"),
    ("97209", "Fort-de-France", "97200", 14.6405, -61.0689, "02"),
    ("97213", "Le Lamentin", "97232", 14.6277, -60.9918, "02"),
    ("97302", "Cayenne", "97300", 4.9338, -52.3165, "03"),
    ("97304", "Kourou", "97310", 4.9323, -52.7668, "03"),
    ("97411", "Saint-Denis", "97400", -20.9330, 55.4469, "04"),
    ("97416", "Saint-Pierre", "97410", -21.3123, 55.4938, "04"),
    ("97611", "Mamoudzou", "97600", -12.7902, 45.1948, "06"),
]

# Number of trainings per région (INSEE region code), weighted towards where
# the real training offer concentrates.  Total: 340.
REGION_COUNTS = {
    "11": 75, "84": 37, "76": 31, "75": 27, "32": 27, "93": 27, "44": 20,
    "52": 17, "53": 17, "28": 14, "27": 14, "24": 14, "94": 3,
    "01": 4, "02": 4, "03": 3, "04": 4, "06": 2,
}

# Relative weight of a city inside its région (bigger hubs get more trainings).
CITY_WEIGHT = {
    "75111": 3, "75119": 3, "75113": 2, "75120": 3, "75118": 2, "93066": 3,
    "69383": 3, "69387": 2, "31555": 5, "34172": 4, "33063": 5, "59350": 4,
    "59512": 3, "13201": 3, "13203": 2, "67482": 3, "44109": 4, "35238": 4,
    "76540": 2, "14118": 2, "21231": 2, "25056": 2, "45234": 2, "37261": 2,
    "38185": 2, "06088": 2, "97411": 2,
}

# --------------------------------------------------------------------------
# Fictional providers.
# --------------------------------------------------------------------------
NATIONAL_PROVIDERS = [
    "Les Ateliers Octet",
    "Rebond Numérique",
    "Campus Alto Formation",
    "Numéricoop",
    "Passerelle Code Solidaire",
    "École Pixel & Pavés",
    "Les Codeuses Tenaces",
    "Horizon Clavier",
]
REGIONAL_PROVIDERS = {
    "11": ["Francilienne du Code", "Seine Digital Lab", "Banlieue Bytes"],
    "84": ["Rhône Code Factory", "Alpes Numérique Formation", "Volcans Digital"],
    "76": ["Occitadev", "Garonne Digital", "Cami Numeric"],
    "75": ["Aquitaine Octet", "Code Océan Formation"],
    "32": ["Ch'ti Code", "Terril Numérique"],
    "93": ["Code Azur Formation", "Mistral Numérique"],
    "44": ["Rhin Dev Factory", "Lorraine Code Lab"],
    "52": ["Loire Numérique Academy", "Estuaire Digital"],
    "53": ["Breizh Octet", "Kod Armor"],
    "28": ["Normandie Octet", "Seine-Maritime Code"],
    "27": ["Bourgogne Code Lab", "Jura Digital"],
    "24": ["Val de Loire Dev", "Berry Numérique"],
    "94": ["Corsica Numerica", "Scola Digitale di Corsica"],
    "01": ["Karukera Numérique"],
    "02": ["Madinina Code"],
    "03": ["Amazonie Digital Guyane"],
    "04": ["Péi Numérique"],
    "06": ["Maore Digital"],
}
CITY_PROVIDER_PATTERNS = [
    "École du Numérique de {city}",
    "{city} Code Academy",
    "Fabrique Numérique de {city}",
    "Campus Digital {city}",
]

# --------------------------------------------------------------------------
# Technology variants, drawn once per training, substituted in module texts.
# --------------------------------------------------------------------------
VARIANTS = {
    "front": ["React", "Angular", "Vue.js"],
    "back": ["Symfony (PHP)", "Laravel (PHP)", "Node.js (Express)", "Django (Python)"],
    "db": ["MySQL", "PostgreSQL", "MariaDB"],
    "nosql": ["MongoDB", "Redis", "Elasticsearch"],
    "cloud": ["AWS", "Microsoft Azure", "Google Cloud", "OVHcloud"],
    "ci": ["GitLab CI", "GitHub Actions", "Jenkins"],
    "iac": ["Terraform", "Ansible", "Terraform et Ansible"],
    "virt": ["VMware vSphere", "Proxmox VE", "Hyper-V"],
    "fw": ["pfSense", "Stormshield", "Fortinet FortiGate"],
    "siem": ["Splunk", "la suite Elastic (ELK)", "Wazuh"],
    "bi": ["Power BI", "Tableau", "Looker Studio", "Metabase"],
    "ml": ["scikit-learn", "TensorFlow", "PyTorch"],
    "design": ["Figma", "Adobe XD", "Sketch"],
    "cms": ["WordPress", "Drupal", "Strapi"],
    "mobile": ["Flutter (Dart)", "React Native", "Kotlin et Swift"],
    "test": ["Selenium", "Cypress", "Playwright"],
    "orch": ["Kubernetes", "Docker Swarm", "OpenShift"],
    "pipeline": ["Apache Airflow", "dbt", "Apache Spark"],
    "javafw": ["Spring Boot", "Jakarta EE", "Spring Boot et Hibernate"],
    "dotnetfw": ["ASP.NET Core MVC", "Blazor", "ASP.NET Core Web API"],
    "pyweb": ["Django", "Flask", "FastAPI"],
    "oslin": ["Debian", "Ubuntu Server", "Rocky Linux"],
    "net": ["Cisco", "HPE Aruba", "Juniper"],
    "itsm": ["GLPI", "ServiceNow", "Zammad"],
    "social": ["Meta Business Suite", "Hootsuite", "Buffer"],
    "pao": ["la suite Adobe (Photoshop, Illustrator)", "Canva et Affinity", "la suite Adobe (Photoshop, InDesign)"],
    "proj": ["Jira", "Trello", "Notion"],
}

# --------------------------------------------------------------------------
# Modules.  Each entry: id -> (title, relative weight, French paragraph).
# Placeholders {front}, {back}... are filled from VARIANTS.
# --------------------------------------------------------------------------
M = {
    # ---- shared technical modules ----
    "git": ("Versionner son code avec Git", 2,
            "Utilisation quotidienne de Git en ligne de commande et dans l'éditeur : commits atomiques, branches, fusion et résolution de conflits, rebase interactif. "
            "Travail collaboratif sur GitLab ou GitHub avec merge requests, revue de code et conventions de nommage. "
            "Mise en place d'un premier pipeline d'intégration continue avec {ci} qui lance les tests et l'analyse statique à chaque push."),
    "sql": ("Concevoir et interroger une base de données relationnelle", 3,
            "Modélisation des données avec la méthode Merise (MCD, MLD) ou UML, normalisation jusqu'à la troisième forme normale. "
            "Écriture de requêtes SQL sur {db} : jointures, agrégations, sous-requêtes, vues, index et transactions. "
            "Création de procédures stockées simples, gestion des droits utilisateurs, sauvegarde et restauration. "
            "Introduction aux bases NoSQL avec {nosql} et aux critères de choix entre modèles relationnel et document."),
    "algo": ("Algorithmique et bases de la programmation", 3,
             "Acquisition des fondamentaux de la programmation : variables, types, conditions, boucles, fonctions, tableaux et structures de données usuelles. "
             "Résolution d'exercices algorithmiques progressifs, lecture et débogage de code, découpage d'un problème en sous-problèmes. "
             "Premiers pas en programmation orientée objet (classes, encapsulation, héritage) et bonnes pratiques de lisibilité : nommage, commentaires utiles, conventions."),
    "tests": ("Tests automatisés et qualité du code", 2,
              "Rédaction de tests unitaires et d'intégration, principe de la pyramide de tests et du développement piloté par les tests (TDD). "
              "Mesure de la couverture de code, analyse statique avec SonarQube, correction des code smells et refactoring. "
              "Tests de bout en bout avec {test} et intégration de toute la suite de tests dans le pipeline {ci}."),
    "secdev": ("Sécurité des applications et RGPD", 2,
               "Identification des principales vulnérabilités du Top 10 OWASP : injections SQL, XSS, CSRF, failles d'authentification et mauvaise configuration. "
               "Hachage des mots de passe, gestion des sessions et des jetons JWT, principe du moindre privilège. "
               "Obligations du RGPD pour un développeur : minimisation des données, consentement, registre des traitements, durée de conservation et droit à l'effacement."),
    "agile": ("Gestion de projet agile avec Scrum", 2,
              "Découverte des méthodes agiles et du cadre Scrum : rôles (Product Owner, Scrum Master, équipe), événements (sprint planning, daily, revue, rétrospective) et artefacts. "
              "Rédaction de user stories avec critères d'acceptation, estimation en points, priorisation du backlog. "
              "Suivi du travail dans {proj} avec un tableau Kanban, mesure de la vélocité et animation d'une rétrospective en équipe."),
    "docker": ("Conteneuriser et déployer une application", 2,
               "Principes de la conteneurisation avec Docker : images, conteneurs, volumes, réseaux et registre. "
               "Écriture d'un Dockerfile optimisé et d'un fichier docker-compose décrivant application, base de données et reverse proxy Nginx. "
               "Déploiement sur un serveur Linux ou une offre {cloud}, gestion des variables d'environnement et des secrets, journalisation et supervision de base."),
    "linux": ("Administration Linux en ligne de commande", 3,
              "Installation et configuration d'un serveur {oslin} : arborescence, gestion des utilisateurs et des droits, paquets, services systemd. "
              "Maîtrise du shell Bash : redirections, pipes, grep, sed, awk, scripts d'automatisation et tâches planifiées avec cron. "
              "Configuration réseau, SSH par clé, pare-feu local, lecture des journaux et diagnostic d'un service qui ne démarre pas."),
    "network": ("Réseaux TCP/IP et équipements actifs", 3,
                "Modèle OSI et pile TCP/IP, adressage IPv4 et découpage en sous-réseaux, notions d'IPv6. "
                "Configuration de commutateurs et de routeurs {net} : VLAN, trunk, routage inter-VLAN, routage statique et dynamique OSPF. "
                "Services réseau essentiels DHCP, DNS et NAT, analyse de trames avec Wireshark et méthodologie de diagnostic d'une panne réseau."),
    "winsrv": ("Windows Server et Active Directory", 3,
               "Installation de Windows Server, rôles et fonctionnalités, administration avec le Server Manager et PowerShell. "
               "Mise en place d'un domaine Active Directory : unités d'organisation, utilisateurs, groupes, stratégies de groupe (GPO). "
               "Services DNS et DHCP Microsoft, partages de fichiers avec droits NTFS, déploiement de postes et gestion des mises à jour avec WSUS."),
    "pyprog": ("Programmer en Python", 3,
               "Syntaxe de Python 3 : types natifs, listes, dictionnaires, compréhensions, fonctions, modules et gestion des exceptions. "
               "Programmation orientée objet, environnements virtuels et gestion des dépendances avec pip. "
               "Lecture et écriture de fichiers CSV et JSON, appels d'API REST avec requests et premiers scripts d'automatisation testés avec pytest."),
    "api": ("Concevoir et consommer une API REST", 2,
            "Principes de l'architecture REST : ressources, verbes HTTP, codes de statut, pagination et versionnement. "
            "Développement d'une API avec {back}, sérialisation JSON, validation des entrées et authentification par jeton. "
            "Documentation avec OpenAPI (Swagger), tests de l'API avec Postman et consommation depuis une application cliente. "
            "Un exercice final consiste à exposer les données d'une application existante à une application mobile partenaire."),
    "webbase": ("Intégrer des pages web en HTML et CSS", 3,
                "Structure sémantique d'une page en HTML5, mise en forme avec CSS3, Flexbox et CSS Grid. "
                "Conception responsive mobile first avec les media queries, utilisation d'un préprocesseur Sass et d'un framework comme Bootstrap ou Tailwind CSS. "
                "Respect des bonnes pratiques d'accessibilité du RGAA : contrastes, alternatives textuelles, navigation au clavier et structure des titres."),
    "js": ("Dynamiser une interface en JavaScript", 3,
           "Bases du langage JavaScript moderne (ES6+) : variables, fonctions fléchées, objets, tableaux et modules. "
           "Manipulation du DOM, gestion des événements, validation de formulaires côté client. "
           "Programmation asynchrone avec les promesses et async/await, appels à une API avec fetch et affichage dynamique des données JSON. "
           "Réalisation de plusieurs mini-projets, comme un quiz, une carte interactive ou un tableau de bord alimenté par une API publique."),
    "frontfw": ("Développer une application front-end avec {front}", 3,
                "Création d'une application monopage (SPA) avec {front} : composants, propriétés, gestion de l'état et routage. "
                "Consommation d'une API REST, gestion des formulaires et des erreurs, tests de composants. "
                "Outillage moderne avec npm et Vite, TypeScript pour typer le code, optimisation des performances et bonnes pratiques d'accessibilité."),
    "backfw": ("Développer la partie serveur avec {back}", 4,
               "Architecture MVC d'une application web dynamique développée avec {back} : routage, contrôleurs, vues et services. "
               "Accès aux données avec un ORM, migrations, relations entre entités et requêtes optimisées sur {db}. "
               "Authentification et autorisation des utilisateurs, envoi d'e-mails, gestion des fichiers téléversés et mise en production sur un hébergement Linux."),
    "cloud": ("Services cloud et infrastructure as code", 3,
              "Découverte des services de {cloud} : calcul, stockage objet, réseaux virtuels, gestion des identités et des accès (IAM). "
              "Description de l'infrastructure en code avec {iac}, gestion des états et des environnements de recette et de production. "
              "Maîtrise des coûts, sauvegardes, haute disponibilité et bonnes pratiques de sécurité du cloud public."),
    "dataviz": ("Visualiser les données et construire des tableaux de bord", 3,
                "Principes de la visualisation de données : choix du bon graphique, perception, storytelling et pièges à éviter. "
                "Connexion à des sources variées, modélisation en étoile et mesures calculées dans {bi}. "
                "Conception de tableaux de bord interactifs pour un public métier, publication, partage et gestion des droits d'accès, présentation orale des résultats."),
    "stats": ("Statistiques appliquées à l'analyse de données", 2,
              "Statistique descriptive : moyennes, médianes, dispersion, distributions et valeurs aberrantes. "
              "Corrélation, tests d'hypothèses usuels, intervalles de confiance et échantillonnage. "
              "Régression linéaire et introduction à la régression logistique, mise en pratique dans Python avec pandas, NumPy et SciPy sur des jeux de données ouverts (data.gouv.fr). "
              "L'accent est mis sur l'interprétation des résultats et la communication des incertitudes."),
    "pandas": ("Préparer et nettoyer des données avec Python", 3,
               "Chargement de fichiers CSV, Excel et JSON dans des DataFrames pandas, exploration avec des notebooks Jupyter. "
               "Nettoyage des données : valeurs manquantes, doublons, formats de dates, jointures et agrégations. "
               "Automatisation d'une chaîne de préparation réutilisable, visualisation rapide avec Matplotlib et Seaborn, documentation du traitement. "
               "Les jeux de données utilisés proviennent de sources publiques françaises."),
    "uxres": ("Recherche utilisateur et ergonomie", 3,
              "Méthodes de recherche utilisateur : entretiens, questionnaires, observation, tri par cartes et tests d'utilisabilité. "
              "Construction de personas, de parcours utilisateurs (customer journey) et d'une cartographie d'empathie. "
              "Application des critères ergonomiques de Bastien et Scapin et des heuristiques de Nielsen pour auditer une interface existante et prioriser les améliorations."),
    "proto": ("Maquetter et prototyper avec {design}", 3,
              "Passage du zoning au wireframe puis à la maquette haute fidélité dans {design}. "
              "Utilisation des composants, variantes, styles partagés et auto-layout pour construire un design system cohérent. "
              "Réalisation de prototypes interactifs cliquables, animation des transitions et préparation du handoff aux développeurs avec les spécifications et les ressources exportées."),
    "a11y": ("Accessibilité numérique (RGAA)", 2,
             "Enjeux de l'accessibilité numérique et cadre légal français : RGAA 4.1, déclaration d'accessibilité et schéma pluriannuel. "
             "Conception inclusive : contrastes, tailles de texte, alternatives aux images, formulaires et messages d'erreur compréhensibles. "
             "Tests avec un lecteur d'écran (NVDA, VoiceOver), navigation au clavier et audit d'une page avec les outils Wave et Axe."),
    "commdig": ("Stratégie de communication digitale", 3,
                "Élaboration d'une stratégie de communication numérique : diagnostic, cibles, objectifs SMART, messages et plan d'action. "
                "Choix des canaux (site web, réseaux sociaux, newsletter, référencement) et construction d'un calendrier éditorial. "
                "Définition des indicateurs de performance et d'un budget, veille concurrentielle et présentation de la recommandation à un commanditaire."),
    "social": ("Animer les réseaux sociaux", 3,
               "Animation de communautés sur LinkedIn, Instagram, Facebook et TikTok : ligne éditoriale, formats, ton et fréquence de publication. "
               "Programmation des publications avec {social}, modération, gestion des commentaires et de situations de crise. "
               "Campagnes sponsorisées simples, lecture des statistiques d'audience et rédaction d'un bilan mensuel. "
               "Les apprenants gèrent pendant plusieurs semaines les comptes d'une structure partenaire."),
    "content": ("Créer des contenus visuels et rédactionnels", 3,
                "Rédaction web et écriture pour le référencement naturel : titres, chapeaux, maillage interne et mots-clés. "
                "Création de visuels avec {pao}, retouche d'images, déclinaison aux formats des réseaux sociaux. "
                "Tournage et montage de vidéos courtes sur smartphone, sous-titrage, respect du droit à l'image et du droit d'auteur."),
    "seo": ("Référencement, webmarketing et mesure d'audience", 2,
            "Fonctionnement des moteurs de recherche et optimisation SEO technique et éditoriale d'un site. "
            "Notions de SEA avec Google Ads, e-mailing avec un outil de routage et conformité RGPD des fichiers de contacts. "
            "Mise en place d'une mesure d'audience avec Google Analytics 4 ou Matomo, définition des conversions et lecture des tableaux de bord."),
    "sitecms": ("Créer et administrer un site avec un CMS", 2,
                "Installation et paramétrage de {cms} : thèmes, extensions, types de contenus, gestion des rôles et des utilisateurs. "
                "Personnalisation graphique avec HTML et CSS, optimisation des images et des performances, mises à jour et sauvegardes. "
                "Publication de contenus, formulaires de contact et conformité RGPD du site (mentions légales, cookies)."),
    # ---- transversal modules ----
    "t_en": ("Anglais technique", 1,
             "Lecture et compréhension de documentations techniques, messages d'erreur et forums en anglais. "
             "Enrichissement du vocabulaire professionnel du numérique, rédaction de courts e-mails, tickets et messages de commit. "
             "Entraînement à l'oral en situation : présentation d'un projet, participation à une réunion d'équipe et préparation d'un entretien d'embauche en anglais."),
    "t_soft": ("Savoir-être professionnels et travail en équipe", 1,
               "Développement des compétences transversales attendues en entreprise : communication, écoute active, autonomie, gestion du temps et des priorités. "
               "Travail en équipe en mode projet, feedback constructif et gestion des désaccords. "
               "Prise de parole en public, présentation d'un travail devant un jury et apprentissage de la posture professionnelle."),
    "t_job": ("Insertion professionnelle et recherche d'emploi", 1,
              "Construction du projet professionnel et connaissance du marché de l'emploi du numérique sur le territoire. "
              "Rédaction d'un CV et d'une lettre de motivation ciblés, optimisation du profil LinkedIn et constitution d'un portfolio. "
              "Préparation aux entretiens d'embauche par des simulations avec des recruteurs partenaires, recherche de stage et d'alternance, rencontres avec des entreprises locales."),
    "t_stage": ("Période d'application en entreprise", 3,
                "Stage en entreprise permettant de mettre en pratique les compétences acquises sur des missions réelles, encadré par un tuteur et suivi par un formateur référent. "
                "Rédaction d'un rapport d'activité ou d'un dossier professionnel présentant les réalisations. "
                "Préparation de la soutenance devant le jury de certification et bilan de fin de parcours avec l'équipe pédagogique."),
    "t_project": ("Projet fil rouge en équipe", 2,
                  "Réalisation d'un projet concret pour un commanditaire réel, associatif ou d'entreprise, en équipe de trois à cinq personnes. "
                  "Cadrage du besoin, planification, répartition des tâches, points d'avancement hebdomadaires et démonstration finale. "
                  "Le projet mobilise l'ensemble des compétences du parcours et alimente le portfolio présenté aux recruteurs."),
    "t_digital": ("Culture numérique et usages responsables", 1,
                  "Panorama des métiers et des acteurs du numérique, histoire et fonctionnement d'Internet. "
                  "Sobriété numérique et écoconception de services, impact environnemental des équipements et des usages. "
                  "Sécurité des usages personnels : mots de passe, hameçonnage, sauvegardes, protection des données personnelles et identité numérique. "
                  "Ce module donne des repères communs à tout le groupe, quel que soit le parcours antérieur."),
    "t_ai": ("Utiliser l'IA générative de façon responsable", 1,
             "Fonctionnement et limites des grands modèles de langage, rédaction de prompts efficaces et vérification systématique des réponses. "
             "Usages professionnels de l'IA générative : aide à la rédaction, à la documentation ou au code, synthèse de documents. "
             "Enjeux de confidentialité, de propriété intellectuelle, de biais et cadre du règlement européen sur l'IA."),
}

TRANSVERSAL = ["t_en", "t_soft", "t_job", "t_stage", "t_project", "t_digital", "t_ai"]


def mod(mid, title, weight, text):
    M[mid] = (title, weight, text)


# ---- type-specific modules ----
# Développement web
mod("dw_maquette", "Maquetter une application web", 2,
    "Analyse d'un cahier des charges, rédaction de user stories et définition de l'arborescence d'un site. "
    "Réalisation de wireframes puis de maquettes avec {design}, en respectant une charte graphique et les principes d'ergonomie web. "
    "Préparation des ressources graphiques (formats SVG, WebP) et validation de la maquette avec le client avant le développement.")
mod("dw_deploy", "Mettre en production et maintenir un site", 2,
    "Choix d'un hébergement et déploiement d'une application web sur un serveur Linux avec Nginx ou Apache, nom de domaine et certificat HTTPS Let's Encrypt. "
    "Automatisation du déploiement avec {ci} et Docker, gestion des environnements de recette et de production. "
    "Suivi des performances avec Lighthouse, correction des anomalies, sauvegardes et documentation technique destinée à l'équipe de maintenance.")
# CDA / dev applications
mod("cda_archi", "Concevoir l'architecture d'une application", 3,
    "Analyse des besoins et modélisation UML : diagrammes de cas d'utilisation, de classes, de séquence et d'activité. "
    "Choix d'une architecture en couches ou hexagonale, principes SOLID et patrons de conception (Factory, Strategy, Observer, Repository). "
    "Rédaction d'un dossier de conception technique, découpage en composants et estimation de la charge de développement.")
mod("cda_oop", "Programmation orientée objet avancée", 4,
    "Approfondissement de la programmation orientée objet en Java ou C# : interfaces, classes abstraites, généricité, collections et gestion des exceptions. "
    "Programmation fonctionnelle avec les lambdas et les streams, injection de dépendances et inversion de contrôle. "
    "Développement d'une application métier complète, structurée en couches et couverte par des tests unitaires JUnit ou xUnit.")
mod("cda_desktop", "Développer une application métier multicouche", 3,
    "Développement d'une application de gestion connectée à une base {db} : couche d'accès aux données, services métier et interface utilisateur. "
    "Utilisation d'un ORM, gestion des transactions et des accès concurrents, journalisation des erreurs. "
    "Packaging, installation et rédaction d'une documentation utilisateur, prise en compte de l'accessibilité et de l'écoconception.")
# Java
mod("java_core", "Les fondamentaux de Java", 4,
    "Syntaxe du langage Java 21 et outillage : JDK, IntelliJ IDEA, Maven ou Gradle. "
    "Classes, interfaces, héritage, polymorphisme, collections, génériques, gestion des exceptions et entrées-sorties. "
    "Expressions lambda, API Stream, records et bonnes pratiques du code propre, avec des tests unitaires écrits en JUnit 5 et Mockito.")
mod("java_web", "Développer des services web avec {javafw}", 4,
    "Création d'une application web et d'une API REST avec {javafw} : contrôleurs, services, injection de dépendances et configuration. "
    "Persistance des données avec JPA sur {db}, relations entre entités, requêtes JPQL et pagination. "
    "Sécurisation avec Spring Security ou Jakarta Security, gestion des rôles et des jetons JWT, tests d'intégration et documentation OpenAPI.")
mod("java_micro", "Microservices et déploiement d'applications Java", 2,
    "Découpage d'une application monolithique en microservices, communication synchrone par REST et asynchrone par messages avec RabbitMQ ou Kafka. "
    "Conteneurisation des services avec Docker, orchestration avec {orch}, configuration centralisée et supervision. "
    "Intégration et déploiement continus avec {ci} sur une plateforme {cloud}. "
    "Un projet de groupe met en œuvre une petite architecture de microservices complète, de la conception au déploiement.")
# .NET
mod("net_core", "Programmer en C# avec .NET", 4,
    "Environnement .NET 8 et Visual Studio, syntaxe du langage C# : types, classes, interfaces, propriétés, génériques et gestion des exceptions. "
    "Collections et requêtes LINQ, programmation asynchrone avec async/await, délégués et événements. "
    "Organisation d'une solution en projets, gestion des paquets NuGet et tests unitaires avec xUnit ou NUnit.")
mod("net_web", "Développer une application web avec {dotnetfw}", 4,
    "Conception d'une application web avec {dotnetfw} : routage, contrôleurs, vues Razor ou composants, validation des modèles. "
    "Accès aux données avec Entity Framework Core sur SQL Server, migrations et relations. "
    "Authentification avec ASP.NET Identity, autorisation par rôles, journalisation et déploiement sur Azure App Service ou IIS. "
    "Un projet de gestion de réservations sert de fil rouge au module.")
mod("net_sqlserver", "Bases de données SQL Server", 2,
    "Création d'une base Microsoft SQL Server avec SQL Server Management Studio : tables, contraintes, index et vues. "
    "Requêtes Transact-SQL avancées, procédures stockées, fonctions et déclencheurs. "
    "Sauvegardes, plans de maintenance et optimisation des requêtes à l'aide des plans d'exécution. "
    "Mise en pratique sur une base de gestion commerciale : création du schéma, import de données, requêtes de reporting et sécurisation des accès par rôles.")
# Python RS
mod("py_web", "Créer une application web avec {pyweb}", 3,
    "Développement d'une application web et d'une API avec {pyweb} : routes, modèles, gabarits, formulaires et validation. "
    "Accès aux données avec un ORM (Django ORM ou SQLAlchemy) sur {db}, migrations et jeux de données de test. "
    "Authentification des utilisateurs, tests avec pytest et déploiement de l'application dans un conteneur Docker.")
mod("py_auto", "Automatiser des tâches et traiter des données en Python", 2,
    "Écriture de scripts d'automatisation : manipulation de fichiers et de dossiers, traitement de fichiers Excel avec openpyxl, envoi d'e-mails. "
    "Collecte de données par API et web scraping avec BeautifulSoup dans le respect des conditions d'utilisation. "
    "Analyse simple avec pandas, création de graphiques et planification des scripts sur un serveur Linux.")
# Mobile
mod("mob_dev", "Développer une application mobile avec {mobile}", 4,
    "Développement d'une application mobile multiplateforme ou native avec {mobile} : écrans, navigation, composants et gestion de l'état. "
    "Accès aux fonctionnalités du téléphone (caméra, géolocalisation, notifications), stockage local et fonctionnement hors ligne. "
    "Consommation d'une API REST sécurisée et respect des recommandations d'interface d'Android (Material Design) et d'iOS (Human Interface Guidelines).")
mod("mob_store", "Tester et publier une application mobile", 2,
    "Tests sur émulateurs et appareils réels, tests unitaires et tests d'interface automatisés. "
    "Gestion des versions, signature de l'application et publication sur le Google Play Store et l'App Store. "
    "Suivi des plantages et des avis utilisateurs avec Firebase Crashlytics, mises à jour et respect des règles de confidentialité des stores.")
mod("mob_backend", "Back-end et services pour le mobile", 2,
    "Mise en place d'un back-end pour application mobile avec Firebase ou une API {back}. "
    "Authentification des utilisateurs, base de données temps réel, stockage de fichiers et notifications push. "
    "Sécurisation des échanges, gestion des jetons et respect du RGPD pour les données collectées sur smartphone. "
    "Mise en pratique sur une application de réservation complète.")
# Intégrateur web
mod("int_perf", "Performance, référencement et écoconception d'un site", 2,
    "Optimisation des performances d'affichage : poids des images, chargement différé, minification et mise en cache. "
    "Mesure avec Lighthouse et WebPageTest, bonnes pratiques du référentiel général d'écoconception de services numériques (RGESN). "
    "Balisage pour le référencement naturel, données structurées et compatibilité entre navigateurs. "
    "Un audit complet d'un site existant est réalisé, suivi d'un plan d'amélioration chiffré.")
mod("int_anim", "Animations et interactions en CSS et JavaScript", 2,
    "Transitions et animations CSS, keyframes, transformations et respect de la préférence de réduction des mouvements. "
    "Interactions riches en JavaScript : carrousels accessibles, menus déroulants, fenêtres modales et formulaires dynamiques. "
    "Intégration de maquettes {design} au pixel près et création d'une bibliothèque de composants réutilisables documentée avec Storybook.")
# Support / maintenance
mod("tai_hw", "Assembler, installer et dépanner un poste de travail", 4,
    "Identification des composants d'un ordinateur, assemblage et remplacement de pièces (mémoire, disque SSD, alimentation). "
    "Installation et configuration de Windows 11 et d'une distribution Linux, pilotes, mises à jour et logiciels bureautiques. "
    "Diagnostic matériel et logiciel méthodique, sauvegarde et restauration des données, déploiement d'images système avec WDS ou FOG.")
mod("tai_support", "Assistance aux utilisateurs et gestion des incidents", 3,
    "Accueil des demandes par téléphone, messagerie et outil de ticketing {itsm}, qualification et priorisation des incidents. "
    "Prise en main à distance, résolution de premier niveau et escalade vers le niveau 2, rédaction de fiches de procédure. "
    "Bonnes pratiques ITIL, communication avec des utilisateurs non techniciens et gestion des situations de stress.")
mod("tai_park", "Gérer un parc informatique", 2,
    "Inventaire matériel et logiciel automatisé avec {itsm}, suivi des licences, des garanties et du cycle de vie des équipements. "
    "Gestion des périphériques : imprimantes réseau, smartphones professionnels via une solution de MDM, postes nomades. "
    "Reconditionnement, effacement sécurisé des données et recyclage des équipements dans le respect de la filière DEEE.")
mod("tai_m365", "Environnements collaboratifs et messagerie", 2,
    "Administration d'un environnement Microsoft 365 ou Google Workspace : comptes, licences, messagerie, partage de fichiers et visioconférence. "
    "Configuration des clients de messagerie, synchronisation des appareils mobiles et authentification multifacteur. "
    "Accompagnement et formation des utilisateurs aux outils collaboratifs, rédaction de guides simples. "
    "Les cas pratiques couvrent l'arrivée et le départ d'un collaborateur, la perte d'un mot de passe et le partage sécurisé de documents.")
mod("sup_phone", "Relation client et communication au support", 3,
    "Techniques d'accueil téléphonique et écrit : reformulation, questionnement, empathie et adaptation du vocabulaire à l'utilisateur. "
    "Rédaction claire de réponses, de tickets et de notes de suivi dans {itsm}. "
    "Gestion des appels difficiles, respect des niveaux de service (SLA) et travail en équipe au sein d'un centre de support.")
mod("sup_bases", "Bases techniques du poste utilisateur", 3,
    "Fonctionnement d'un ordinateur et de ses périphériques, système d'exploitation Windows 11 : paramètres, comptes, fichiers et dossiers. "
    "Installation de logiciels, imprimantes et applications de bureautique, réseau domestique et Wi-Fi. "
    "Résolution des pannes les plus fréquentes en suivant une procédure et en documentant les actions réalisées. "
    "Les apprenants travaillent sur des postes préparés avec des pannes volontaires à diagnostiquer.")
# Systèmes et réseaux
mod("tssr_virt", "Virtualisation et stockage", 3,
    "Principes de la virtualisation et installation d'un hyperviseur {virt} : machines virtuelles, modèles, instantanés et réseaux virtuels. "
    "Stockage partagé NAS et SAN, protocoles iSCSI et NFS, RAID. "
    "Mise en œuvre d'une politique de sauvegarde 3-2-1 avec Veeam ou BorgBackup et test de restauration. "
    "Les travaux pratiques incluent la migration de serveurs physiques vers l'environnement virtualisé.")
mod("tssr_services", "Services d'infrastructure et supervision", 3,
    "Déploiement de services d'infrastructure sous Linux et Windows : serveur web, messagerie, serveur de fichiers, annuaire LDAP. "
    "Supervision du parc avec Zabbix, Centreon ou Nagios : sondes, alertes et tableaux de bord. "
    "Automatisation des tâches d'administration par scripts PowerShell et Bash, documentation d'exploitation. "
    "Un projet d'équipe consiste à reconstruire l'infrastructure d'une PME fictive à partir d'un cahier des charges.")
mod("ais_secinfra", "Sécuriser une infrastructure", 3,
    "Analyse des risques avec la méthode EBIOS Risk Manager et application des recommandations de l'ANSSI. "
    "Segmentation réseau, pare-feu {fw}, VPN IPsec et SSL, bastion d'administration et authentification forte. "
    "Durcissement des serveurs Windows et Linux, gestion des correctifs, journalisation centralisée et réponse à un incident de sécurité.")
mod("ais_hybrid", "Infrastructures hybrides et cloud", 3,
    "Conception d'une infrastructure hybride associant datacenter et {cloud} : réseaux virtuels, annuaire hybride, stockage et sauvegarde. "
    "Automatisation du déploiement avec {iac} et PowerShell, gestion de configuration. "
    "Plan de continuité et de reprise d'activité, haute disponibilité, supervision et rédaction des procédures d'exploitation. "
    "Les travaux pratiques se déroulent sur une plateforme de laboratoire reproduisant le système d'information d'une entreprise multisite.")
mod("ais_archi", "Concevoir et faire évoluer une architecture", 2,
    "Recueil des besoins, audit d'une infrastructure existante et proposition d'évolution chiffrée. "
    "Rédaction d'un dossier d'architecture technique, gestion de projet d'infrastructure et conduite du changement. "
    "Veille technologique et réglementaire (NIS 2, RGPD) et présentation des choix techniques à une direction. "
    "Ce module prépare directement à l'épreuve de mise en situation professionnelle devant le jury.")
# DevOps
mod("devops_ci", "Intégration et déploiement continus", 3,
    "Culture DevOps et cycle de vie d'une application, chaîne d'outils de la gestion de code au déploiement. "
    "Construction de pipelines {ci} : compilation, tests, analyse de qualité, construction d'images et publication dans un registre. "
    "Stratégies de déploiement blue-green et canary, retour arrière automatisé et gestion des secrets avec Vault.")
mod("devops_orch", "Orchestration de conteneurs avec {orch}", 3,
    "Architecture d'un cluster {orch} : nœuds, pods, services, déploiements et espaces de noms. "
    "Écriture de manifestes YAML et de charts Helm, gestion de la configuration, des volumes persistants et des montées en charge automatiques. "
    "Exposition des services avec un ingress, sécurité du cluster et mise à jour sans interruption.")
mod("devops_obs", "Observabilité et exploitation", 2,
    "Collecte des métriques avec Prometheus et visualisation avec Grafana, centralisation des journaux avec Loki ou la suite Elastic. "
    "Définition d'alertes et d'objectifs de niveau de service (SLO), gestion des astreintes et post-mortems sans recherche de coupable. "
    "Optimisation des coûts et de l'empreinte énergétique des environnements. "
    "Chaque équipe exploite son application pendant une semaine avec incidents simulés.")
# Cybersécurité
mod("cyber_soc", "Détection et surveillance dans un SOC", 4,
    "Organisation d'un centre opérationnel de sécurité et rôle de l'analyste de niveau 1 et 2. "
    "Collecte et corrélation d'événements dans {siem}, écriture de règles de détection et traitement des alertes. "
    "Utilisation du référentiel MITRE ATT&CK, des indicateurs de compromission et des flux de renseignement sur les menaces (CTI) pour qualifier un incident.")
mod("cyber_ir", "Réponse à incident et investigation", 3,
    "Processus de gestion d'incident de sécurité : détection, confinement, éradication, remédiation et retour d'expérience. "
    "Analyse de journaux Windows et Linux, investigation numérique de base sur un poste compromis, analyse de trafic avec Wireshark et Zeek. "
    "Rédaction d'un rapport d'incident et communication avec les équipes techniques et la direction.")
mod("cyber_pentest", "Tests d'intrusion et gestion des vulnérabilités", 3,
    "Méthodologie d'un test d'intrusion dans un cadre légal : reconnaissance, scan avec Nmap, exploitation et rapport. "
    "Recherche de vulnérabilités avec OpenVAS ou Nessus, priorisation selon le score CVSS et suivi de la remédiation. "
    "Pratique sur des plateformes d'entraînement de type capture the flag (CTF) avec Kali Linux et Burp Suite.")
mod("cyber_gov", "Gouvernance, risques et conformité", 2,
    "Cadre réglementaire de la cybersécurité : RGPD, directive NIS 2, norme ISO 27001 et guide d'hygiène informatique de l'ANSSI. "
    "Analyse de risques, politique de sécurité du système d'information, sensibilisation des utilisateurs. "
    "Préparation d'un audit, gestion des preuves et rédaction d'indicateurs de sécurité pour la direction. "
    "Les apprenants rédigent une charte informatique et un plan de sensibilisation pour une PME.")
# Réseaux télécoms / fibre
mod("tel_wifi", "Réseaux sans fil et téléphonie sur IP", 3,
    "Conception et déploiement d'un réseau Wi-Fi d'entreprise : étude de couverture, normes 802.11, contrôleur et sécurité WPA3 Entreprise. "
    "Installation d'une solution de téléphonie sur IP avec Asterisk ou 3CX : postes, trunk SIP, qualité de service. "
    "Mesures, recette et documentation de l'installation pour le client. "
    "Les apprenants réalisent une étude de couverture sur un site réel.")
mod("tel_cabling", "Câblage et infrastructures de communication", 3,
    "Lecture de plans et de synoptiques, règles de pose du câblage cuivre et optique dans les bâtiments. "
    "Installation de baies, brassage, repérage et tests de certification du câblage en catégorie 6A. "
    "Respect des normes de sécurité électrique, habilitation et travail en hauteur. "
    "Les apprenants réalisent une installation complète dans une salle de travaux pratiques, de la pose à la recette.")
mod("fib_splice", "Raccordement et soudure de la fibre optique", 4,
    "Préparation des câbles à fibre optique, dénudage, clivage et soudure par fusion avec une soudeuse de chantier. "
    "Montage de boîtiers de protection d'épissures, de points de branchement optique et de prises terminales optiques. "
    "Règles d'hygiène optique, rangement des fibres dans les cassettes et traçabilité des travaux réalisés.")
mod("fib_measure", "Mesures et recette des réseaux optiques", 3,
    "Utilisation du photomètre, du réflectomètre (OTDR) et du microscope d'inspection des connecteurs. "
    "Interprétation des courbes de mesure, calcul de bilan de liaison et identification des défauts. "
    "Rédaction des procès-verbaux de recette, mise à jour des dossiers d'ouvrage exécuté et transmission à l'opérateur. "
    "Les mesures sont réalisées sur le plateau technique avec des appareils utilisés par les opérateurs.")
mod("fib_ftth", "Déploiement FTTH et raccordement des abonnés", 3,
    "Architecture des réseaux FTTH, du nœud de raccordement optique au logement de l'abonné. "
    "Tirage de câbles en conduite souterraine, en façade et en aérien, pose en chambre de tirage. "
    "Raccordement final chez l'abonné, mise en service de la box, relation client et respect des consignes de l'opérateur.")
mod("fib_safety", "Sécurité sur chantier et habilitations", 2,
    "Prévention des risques sur les chantiers télécoms : travail en hauteur, nacelle, échelles, circulation routière et espaces confinés. "
    "Préparation à l'habilitation électrique et aux formations AIPR et CACES nacelle selon les besoins des employeurs. "
    "Port des équipements de protection individuelle, gestes et postures, conduite à tenir en cas d'accident.")
# Data
mod("da_sql", "SQL pour l'analyse de données", 3,
    "Interrogation de bases relationnelles {db} pour répondre à des questions métier : filtres, jointures, agrégations et fonctions de fenêtrage. "
    "Construction de tables d'analyse, requêtes paramétrées et contrôle de qualité des données. "
    "Introduction aux entrepôts de données cloud comme BigQuery ou Snowflake. "
    "Les exercices portent sur des bases réalistes de ventes, de ressources humaines et de logistique.")
mod("da_business", "Analyse métier et restitution", 2,
    "Recueil du besoin auprès des équipes métier, définition des indicateurs clés de performance et du périmètre d'analyse. "
    "Formulation de recommandations à partir des données et rédaction d'une note de synthèse. "
    "Présentation orale des résultats à un public non spécialiste et accompagnement à l'appropriation des tableaux de bord.")
mod("da_excel", "Tableur avancé et automatisation", 2,
    "Maîtrise avancée d'Excel et de Google Sheets : fonctions de recherche, tableaux croisés dynamiques, mise en forme conditionnelle. "
    "Préparation des données avec Power Query et premières macros. "
    "Construction de rapports automatisés et bonnes pratiques de documentation des classeurs. "
    "Ces compétences restent indispensables dans la plupart des services, même lorsque des outils décisionnels plus avancés sont disponibles.")
mod("ia_ml", "Apprentissage automatique", 4,
    "Démarche d'un projet de machine learning : préparation des données, séparation entraînement et test, validation croisée. "
    "Modèles supervisés (régression, arbres, forêts aléatoires, gradient boosting) et non supervisés (clustering, réduction de dimension) avec {ml}. "
    "Choix des métriques, lutte contre le surapprentissage, interprétabilité et détection des biais. "
    "Les projets portent sur des données réelles de santé, d'énergie ou de mobilité.")
mod("ia_dl", "Deep learning et IA générative", 3,
    "Réseaux de neurones, apprentissage profond pour l'image et le texte avec {ml}. "
    "Traitement automatique du langage : plongements de mots, modèles Transformers et bibliothèque Hugging Face. "
    "Intégration d'un grand modèle de langage dans une application via une API, génération augmentée par recherche (RAG) et évaluation des réponses.")
mod("ia_mlops", "Mettre un modèle en production (MLOps)", 3,
    "Exposition d'un modèle sous forme d'API avec FastAPI, conteneurisation avec Docker et déploiement sur {cloud}. "
    "Suivi des expériences et des versions de modèles avec MLflow, tests et intégration continue avec {ci}. "
    "Surveillance de la dérive des données et des performances, réentraînement et documentation des limites du modèle.")
mod("ia_ethics", "IA de confiance et réglementation", 1,
    "Cadre juridique de l'intelligence artificielle : RGPD, règlement européen sur l'IA et classification des risques. "
    "Identification des biais, équité et explicabilité des modèles avec SHAP. "
    "Rédaction d'une fiche de transparence du modèle et analyse d'impact sur la vie privée. "
    "Les apprenants analysent des cas réels de systèmes d'IA biaisés et proposent des mesures correctives documentées.")
mod("de_pipeline", "Construire des pipelines de données", 4,
    "Conception de chaînes d'ingestion et de transformation de données en batch et en flux. "
    "Orchestration avec {pipeline}, traitement distribué, formats de fichiers Parquet et Avro. "
    "Tests de qualité des données, gestion des erreurs et des reprises, documentation et lignage des données. "
    "Un projet fil rouge consiste à industrialiser la collecte de données ouvertes jusqu'à leur mise à disposition pour les analystes.")
mod("de_warehouse", "Entrepôts et lacs de données", 3,
    "Modélisation dimensionnelle en étoile et en flocon, architecture médaillon d'un lakehouse. "
    "Mise en œuvre d'un entrepôt sur {cloud} ou avec PostgreSQL, partitionnement et optimisation des requêtes. "
    "Gouvernance des données : catalogue, gestion des accès, conformité RGPD et maîtrise des coûts. "
    "Mise en pratique par la construction d'un entrepôt alimenté à partir de données ouvertes et interrogé par un outil de visualisation.")
mod("de_stream", "Traitement de données en temps réel", 2,
    "Architecture orientée événements, publication et consommation de messages avec Apache Kafka. "
    "Traitement de flux avec Spark Structured Streaming ou Flink, fenêtres temporelles et gestion de l'état. "
    "Supervision des flux et stockage dans {nosql}. "
    "Mise en pratique sur un flux de données de capteurs ou de transactions, avec calcul d'indicateurs en continu, détection d'anomalies et alimentation d'un tableau de bord mis à jour en temps réel.")
# Design
mod("dsg_graph", "Fondamentaux du design graphique", 3,
    "Bases de la composition graphique : typographie, couleur, grilles, hiérarchie visuelle et identité de marque. "
    "Création de logos, pictogrammes et illustrations vectorielles, retouche d'images avec {pao}. "
    "Préparation des fichiers pour le web et pour l'impression, respect des droits d'auteur et des licences. "
    "Les apprenants constituent progressivement un portfolio présentant leurs réalisations.")
mod("dsg_ui", "Design d'interface et design system", 3,
    "Conception d'interfaces web et mobiles cohérentes : grilles, composants, états, micro-interactions et responsive design. "
    "Création et documentation d'un design system dans {design}, jetons de design et bibliothèques partagées. "
    "Collaboration avec les développeurs et contrôle de la qualité de l'intégration. "
    "Un projet complet d'application mobile et de site responsive sert de support du premier croquis jusqu'aux spécifications.")
mod("dsg_motion", "Motion design et contenus animés", 2,
    "Principes de l'animation appliqués aux interfaces et aux contenus de communication. "
    "Réalisation d'animations avec After Effects ou Lottie, export optimisé pour le web et les réseaux sociaux. "
    "Montage vidéo simple et sonorisation dans le respect des droits. "
    "Chaque apprenant réalise une courte animation de marque et des micro-interactions d'interface qui enrichissent son portfolio.")
mod("ux_test", "Tests utilisateurs et amélioration continue", 2,
    "Préparation d'un protocole de test d'utilisabilité, recrutement des participants et conduite des sessions modérées ou à distance. "
    "Analyse des résultats, mesure de la satisfaction (SUS) et priorisation des recommandations. "
    "Tests A/B, analyse des parcours avec des outils d'analytics et itérations rapides sur le prototype. "
    "Les résultats sont présentés sous forme de recommandations priorisées à l'équipe projet.")
mod("ux_service", "Design de service et ateliers de co-conception", 2,
    "Démarche de design thinking et de design de service : cartographie des parcours usagers et blueprint de service. "
    "Animation d'ateliers de co-conception avec des usagers et des parties prenantes, techniques d'idéation. "
    "Application à des services publics numériques et aux exigences d'inclusion et d'accessibilité. "
    "Les apprenants conduisent un atelier réel avec des usagers d'une structure partenaire.")
# Projet / produit
mod("cp_cadrage", "Cadrer un projet digital", 3,
    "Analyse du besoin et des parties prenantes, rédaction de la note de cadrage et du cahier des charges fonctionnel. "
    "Estimation des charges, planification avec un diagramme de Gantt, budget et analyse des risques. "
    "Choix entre développement sur mesure, CMS ou solution SaaS, rédaction d'un appel d'offres et sélection des prestataires.")
mod("cp_pilot", "Piloter la production et la recette", 3,
    "Coordination d'une équipe pluridisciplinaire de designers, développeurs et rédacteurs. "
    "Suivi des délais, du budget et de la qualité, animation des comités de pilotage et reporting dans {proj}. "
    "Organisation de la recette fonctionnelle, gestion des anomalies et mise en ligne. "
    "Des études de cas issues d'agences web et de services communication permettent de s'entraîner aux arbitrages entre coût, délai et qualité.")
mod("cp_ecom", "E-commerce et transformation digitale", 2,
    "Modèles économiques du numérique, marketplaces et solutions e-commerce comme Shopify, PrestaShop ou WooCommerce. "
    "Parcours client omnicanal, tunnel de conversion et outils de gestion de la relation client (CRM). "
    "Accompagnement de la transformation digitale d'une TPE ou d'une association. "
    "Étude de cas sur la mise en ligne d'une boutique : catalogue produits, paiement sécurisé, logistique, conditions générales de vente et indicateurs de performance.")
mod("po_product", "Construire et prioriser un produit", 3,
    "Vision produit, proposition de valeur et Lean Canvas, définition d'un produit minimum viable (MVP). "
    "Découverte produit avec les utilisateurs, story mapping et découpage en incréments. "
    "Priorisation du backlog avec les méthodes MoSCoW, RICE et Kano, feuille de route et indicateurs de succès. "
    "Le module s'appuie sur un cas de produit numérique réel présenté par une entreprise partenaire.")
mod("po_scale", "Agilité à l'échelle et facilitation", 2,
    "Rôle du Product Owner et du Scrum Master dans une organisation à plusieurs équipes, introduction à SAFe et au modèle Spotify. "
    "Techniques de facilitation, animation d'ateliers et de rétrospectives, gestion des conflits. "
    "Communication avec les parties prenantes et négociation des priorités. "
    "Des jeux de rôle et des simulations de sprint permettent de s'entraîner dans des situations proches du terrain.")
# Testeur
mod("qa_strategy", "Stratégie et conception de tests", 3,
    "Principes du test logiciel selon le référentiel ISTQB : niveaux et types de tests, tests fonctionnels et non fonctionnels. "
    "Rédaction d'un plan de tests, conception de cas de test par partitions d'équivalence, valeurs limites et tables de décision. "
    "Gestion des campagnes et des anomalies dans Xray, Squash TM ou TestRail.")
mod("qa_auto", "Automatisation des tests", 4,
    "Automatisation des tests d'interface web avec {test} et des tests d'API avec Postman et REST Assured. "
    "Écriture de scénarios en Gherkin pour le BDD avec Cucumber, organisation du code de test avec le patron Page Object. "
    "Exécution des tests dans le pipeline {ci} et analyse des rapports.")
mod("qa_perf", "Tests de performance et de sécurité", 2,
    "Tests de charge et de montée en charge avec JMeter ou k6, analyse des temps de réponse et des goulots d'étranglement. "
    "Tests de sécurité de base avec OWASP ZAP, tests d'accessibilité et de compatibilité multi-navigateurs. "
    "Rédaction d'un bilan de qualité et d'une recommandation de mise en production.")
# Communication / référent digital
mod("ref_tools", "Outils numériques de l'entreprise", 3,
    "Choix et déploiement d'outils numériques adaptés à une TPE ou une association : suite collaborative, CRM, facturation, prise de rendez-vous. "
    "Automatisation de tâches simples avec des outils no-code comme Zapier, Make ou n8n. "
    "Accompagnement des collaborateurs et rédaction de tutoriels. "
    "Les apprenants réalisent un diagnostic de maturité numérique et recommandent des outils adaptés au budget de la structure.")
mod("ref_present", "Présence en ligne d'une petite entreprise", 3,
    "Audit de la présence en ligne d'une structure : site web, fiche d'établissement Google, avis clients et réseaux sociaux. "
    "Création d'un site vitrine avec {cms} et d'une boutique en ligne simple. "
    "Plan d'action numérique priorisé et suivi des résultats. "
    "Mise en situation auprès d'une structure réelle du territoire : commerçant, artisan ou association.")
# Médiation numérique
mod("med_accomp", "Accompagner les publics éloignés du numérique", 4,
    "Repérage des besoins et des difficultés des usagers, diagnostic des compétences numériques avec l'outil Pix ou les Aidants Connect. "
    "Accompagnement individuel aux démarches en ligne (France Travail, CAF, impots.gouv, ANTS, Ameli) dans le respect de la confidentialité. "
    "Posture bienveillante, gestion de la frustration et orientation vers les partenaires sociaux du territoire.")
mod("med_ateliers", "Concevoir et animer des ateliers numériques", 3,
    "Conception de séquences pédagogiques courtes : prise en main du smartphone, messagerie, visioconférence, sécurité en ligne. "
    "Animation de groupes hétérogènes, pédagogie active, supports simples et accessibles. "
    "Évaluation des acquis et adaptation des ateliers aux seniors, aux jeunes et aux personnes allophones. "
    "Chaque apprenant anime plusieurs ateliers réels devant un public, avec un retour de ses pairs et du formateur.")
mod("med_lieu", "Faire vivre un lieu de médiation numérique", 2,
    "Fonctionnement d'un tiers-lieu, d'une médiathèque ou d'un espace France Services. "
    "Gestion du matériel, des réservations et des statistiques de fréquentation, communication auprès des habitants. "
    "Travail en réseau avec les acteurs de l'inclusion numérique et montage de partenariats. "
    "Les apprenants préparent un projet d'animation pour un lieu partenaire et apprennent à rendre compte de leur activité aux financeurs.")
mod("med_outils", "Culture et outils numériques du médiateur", 3,
    "Maîtrise des usages courants : ordinateur, smartphone, tablette, messagerie, stockage en ligne et bureautique. "
    "Identité numérique, FranceConnect, sécurité des comptes et protection contre les arnaques. "
    "Connaissance des services publics en ligne et des dispositifs d'aide à l'équipement. "
    "Chaque notion est abordée du point de vue de l'usager débutant, avec des fiches pratiques réutilisables en accompagnement.")


# --------------------------------------------------------------------------
# Training types.  Certification codes: the two Titres professionnels
# DWWM (RNCP37674) and CDA (RNCP37873) use their real numbers; every other
# code is a plausible placeholder (this catalogue is demo data).
# --------------------------------------------------------------------------
def T(key, title, kind, code, level, entry, rome, formacode, hours, core, extra,
      objectives, prereq, alt_titles=(), weight=3, cert_title=None):
    return dict(key=key, title=title, kind=kind, code=code, level=level,
                entry=entry, rome=rome, formacode=formacode, hours=hours,
                core=core, extra=extra, objectives=objectives, prereq=prereq,
                alt_titles=list(alt_titles), weight=weight,
                cert_title=cert_title or title)


TYPES = [
    T("dwwm", "Développeur web et web mobile", "RNCP", "RNCP37674", 5, 3,
      ["M1805", "M1855"], ["31054"], (630, 805),
      ["webbase", "js", "backfw", "sql"], ["frontfw", "dw_maquette", "git", "secdev", "dw_deploy", "a11y"],
      "Former des développeurs capables de concevoir, développer et mettre en ligne des applications web et web mobile sécurisées, de la maquette à la base de données. "
      "Le parcours alterne apports courts et projets pratiques ; la spécialisation porte sur {front} côté client et {back} côté serveur.",
      ["Niveau fin de scolarité obligatoire ; logique et motivation vérifiées lors d'un test et d'un entretien.",
       "Aucun diplôme exigé ; une première découverte du code (tutoriels en ligne, Pix) est appréciée."],
      alt_titles=["Développeur web et web mobile – parcours {front}"], weight=10),
    T("cda", "Concepteur développeur d'applications", "RNCP", "RNCP37873", 6, 5,
      ["M1805", "M1861", "M1848"], ["31054", "31088"], (840, 1050),
      ["cda_archi", "cda_oop", "sql", "api"], ["cda_desktop", "tests", "git", "agile", "docker", "secdev"],
      "Former des concepteurs développeurs capables d'analyser un besoin, de concevoir l'architecture d'une application et de la développer de façon sécurisée en équipe agile. "
      "Les projets s'appuient sur Java ou C#, une base {db} et un déploiement conteneurisé.",
      ["Niveau bac+2 ou titre de développeur web et web mobile, ou expérience équivalente en programmation.",
       "Bases de programmation exigées (validées par un test technique) et niveau bac minimum."],
      weight=6),
    T("dira", "Développeur intégrateur en réalisation d'applications web", "RNCP", "RNCP36845", 5, 4,
      ["M1855", "M1805"], ["31054"], (595, 735),
      ["webbase", "js", "frontfw", "backfw"], ["git", "sitecms", "sql", "a11y", "int_perf", "agile"],
      "Permettre de réaliser et d'intégrer des applications web complètes, de l'interface responsive à la connexion aux données. "
      "Le parcours met l'accent sur {front}, l'intégration de contenus via {cms} et la qualité du code.",
      ["Niveau bac ou expérience professionnelle de deux ans, intérêt démontré pour le web.",
       "Niveau bac ; un projet personnel en HTML/CSS est un plus."],
      weight=3),
    T("tai", "Technicien d'assistance informatique", "RNCP", "RNCP37681", 4, 3,
      ["I1401", "I1404", "M1869"], ["24254", "31009"], (560, 770),
      ["tai_hw", "tai_support", "network"], ["tai_park", "tai_m365", "winsrv", "linux", "t_digital"],
      "Former des techniciens capables d'installer, de dépanner et de maintenir les postes de travail et les périphériques, et d'assister les utilisateurs au quotidien. "
      "La pratique se fait sur un plateau technique avec l'outil de ticketing {itsm}.",
      ["Niveau fin de scolarité obligatoire ; goût pour le matériel informatique et le service aux utilisateurs.",
       "Aucun diplôme exigé ; aisance avec un ordinateur et bon relationnel."],
      alt_titles=["Technicien support et assistance informatique"], weight=7),
    T("tssr", "Technicien supérieur systèmes et réseaux", "RNCP", "RNCP37682", 5, 4,
      ["M1801", "M1854", "M1816", "I1401"], ["24231", "31006"], (700, 875),
      ["network", "winsrv", "linux", "tssr_virt"], ["tssr_services", "tai_support", "cloud", "t_en"],
      "Former des techniciens supérieurs capables d'exploiter, d'administrer et de faire évoluer l'infrastructure systèmes et réseaux d'une PME. "
      "Les travaux pratiques reposent sur Windows Server, {oslin}, des équipements {net} et l'hyperviseur {virt}.",
      ["Niveau bac ou titre de technicien d'assistance informatique ; bases en informatique vérifiées par un test.",
       "Niveau bac et première expérience en support ou maintenance informatique."],
      weight=6),
    T("ais", "Administrateur d'infrastructures sécurisées", "RNCP", "RNCP37680", 6, 5,
      ["M1801", "M1843", "M1817", "M1884"], ["31006", "24231"], (770, 945),
      ["ais_secinfra", "ais_hybrid", "winsrv", "linux"], ["network", "tssr_virt", "ais_archi", "cyber_gov", "t_en"],
      "Former des administrateurs capables de concevoir, de sécuriser et de faire évoluer des infrastructures sur site et dans le cloud {cloud}. "
      "La sécurité est traitée à chaque étape, du pare-feu {fw} à la supervision.",
      ["Niveau bac+2 en informatique ou expérience significative d'administration systèmes et réseaux.",
       "Titre de technicien supérieur systèmes et réseaux ou équivalent, validé par un test de positionnement."],
      weight=4),
    T("data", "Data analyst", "RNCP", "RNCP37429", 6, 5,
      ["M1419", "M1403", "M1851"], ["31035"], (490, 700),
      ["da_sql", "pandas", "dataviz"], ["stats", "da_business", "da_excel", "pyprog", "t_ai"],
      "Former des analystes capables de collecter, nettoyer, analyser et restituer des données pour éclairer les décisions d'une organisation. "
      "Les outils principaux sont SQL, Python et {bi}.",
      ["Niveau bac+2 ; aisance avec les chiffres et le tableur, test de logique à l'entrée.",
       "Niveau bac+2 ou expérience professionnelle en gestion, contrôle ou marketing avec usage intensif d'Excel."],
      alt_titles=["Data analyst – {bi}", "Analyste de données"], weight=5),
    T("ia", "Développeur en intelligence artificielle", "RNCP", "RNCP37827", 6, 5,
      ["M1405", "M1889", "M1805"], ["31052", "31035"], (700, 910),
      ["pyprog", "ia_ml", "ia_dl", "ia_mlops"], ["pandas", "stats", "sql", "ia_ethics", "agile"],
      "Former des développeurs capables de concevoir, d'entraîner, d'intégrer et de maintenir des modèles d'intelligence artificielle dans des applications. "
      "Les travaux pratiques utilisent Python, {ml} et un déploiement sur {cloud}.",
      ["Niveau bac+2 scientifique ou expérience en développement ; bases de Python vérifiées par un test.",
       "Niveau bac+2 avec des bases en mathématiques (algèbre, probabilités) et en programmation."],
      alt_titles=["Développeur IA / data scientist"], weight=4),
    T("designweb", "Designer web", "RNCP", "RNCP37805", 5, 4,
      ["E1210", "E1205"], ["46270"], (560, 735),
      ["dsg_graph", "webbase", "proto"], ["sitecms", "a11y", "seo", "dsg_motion", "content"],
      "Former des designers web capables de concevoir l'identité visuelle et les interfaces d'un site, de l'intégrer et d'en assurer la promotion. "
      "Les outils phares sont {design} et {pao}.",
      ["Niveau bac ; sensibilité graphique démontrée par quelques réalisations personnelles.",
       "Niveau bac ou expérience en communication, présentation d'un mini-portfolio lors de l'entretien."],
      weight=3),
    T("cdui", "Concepteur designer UI", "RNCP", "RNCP35634", 6, 5,
      ["E1206", "E1205"], ["46270", "46252"], (630, 805),
      ["dsg_ui", "proto", "uxres", "webbase"], ["a11y", "dsg_graph", "dsg_motion", "js", "ux_test"],
      "Former des concepteurs capables de créer des interfaces numériques attractives, ergonomiques et accessibles et de les transmettre aux équipes de développement. "
      "Le parcours s'appuie sur {design} et sur un design system construit en projet.",
      ["Niveau bac+2 ou expérience en graphisme ; portfolio présenté à l'entretien.",
       "Titre de designer web ou expérience équivalente en conception graphique."],
      weight=3),
    T("ux", "UX designer", "RNCP", "RNCP35972", 6, 5,
      ["E1206"], ["46252"], (490, 665),
      ["uxres", "proto", "ux_test"], ["ux_service", "a11y", "dsg_ui", "agile", "t_project"],
      "Former des UX designers capables de comprendre les besoins des utilisateurs, de concevoir des parcours et des prototypes, puis de les valider par des tests. "
      "Les prototypes sont réalisés dans {design}.",
      ["Niveau bac+2 ; curiosité pour les usages et capacité d'écoute.",
       "Niveau bac+2 ou expérience en communication, marketing, design ou relation usager."],
      alt_titles=["UX/UI designer"], weight=3),
    T("cpdigital", "Chef de projet digital", "RNCP", "RNCP36103", 6, 5,
      ["M1886", "M1806", "E1101"], ["32044", "46290"], (525, 700),
      ["cp_cadrage", "cp_pilot", "agile"], ["cp_ecom", "seo", "uxres", "a11y", "commdig"],
      "Former des chefs de projet capables de cadrer, de piloter et de livrer des projets web et mobiles en coordonnant équipes internes et prestataires. "
      "Le suivi des projets se fait avec {proj}.",
      ["Niveau bac+2 et première expérience professionnelle, idéalement en gestion de projet ou communication.",
       "Niveau bac+2 ; bonne expression écrite et orale."],
      alt_titles=["Chef de projet web et digital"], weight=3),
    T("commnum", "Chargé de communication numérique", "RNCP", "RNCP36231", 5, 4,
      ["E1101", "E1124", "E1112"], ["46290"], (490, 665),
      ["commdig", "social", "content"], ["seo", "sitecms", "dsg_graph", "t_ai"],
      "Former des professionnels capables de définir et de mettre en œuvre la communication digitale d'une organisation et d'animer ses communautés en ligne. "
      "Les exercices utilisent {social} et {pao}.",
      ["Niveau bac ; aisance rédactionnelle et usage régulier des réseaux sociaux.",
       "Niveau bac ou expérience en communication, commerce ou animation."],
      alt_titles=["Community manager", "Chargé de communication digitale et community manager"], weight=4),
    T("refdig", "Référent digital", "RNCP", "RNCP34839", 5, 4,
      ["E1101", "M1718", "D1438"], ["46290", "34566"], (420, 595),
      ["ref_tools", "ref_present", "social"], ["seo", "commdig", "sitecms", "cp_ecom", "t_digital"],
      "Former des référents capables d'accompagner la transformation numérique d'une TPE, d'une PME ou d'une association : outils, présence en ligne et marketing digital. "
      "La présence en ligne est travaillée avec {cms}.",
      ["Niveau bac ; goût pour les outils numériques et la relation aux autres.",
       "Aucun diplôme exigé avec expérience professionnelle ; niveau bac conseillé."],
      weight=3),
    T("python", "Développer des applications en Python", "RS", "RS6233", None, 4,
      ["M1805", "M1861"], ["31088"], (280, 420),
      ["pyprog", "py_web"], ["py_auto", "sql", "git", "tests", "api"],
      "Permettre d'acquérir une compétence reconnue en développement Python, de l'écriture de scripts à la réalisation d'une application web avec {pyweb}. "
      "Certification de compétences inscrite au répertoire spécifique, sans niveau de diplôme.",
      ["Niveau bac conseillé ; aisance avec l'ordinateur et logique.",
       "Première expérience de programmation dans un autre langage ou autoformation en Python."],
      alt_titles=["Développeur Python"], weight=3),
    T("java", "Concepteur développeur Java", "RNCP", "RNCP36470", 6, 5,
      ["M1805", "M1861"], ["31088"], (630, 840),
      ["java_core", "java_web", "sql"], ["java_micro", "tests", "git", "agile", "frontfw", "cda_archi"],
      "Former des développeurs Java capables de concevoir et de développer des applications d'entreprise et des API robustes. "
      "Le parcours s'appuie sur {javafw}, {db} et un pipeline {ci}.",
      ["Niveau bac+2 scientifique ou technique ; bases de programmation vérifiées à l'entrée.",
       "Niveau bac+2 ou reconversion avec une première expérience du code."],
      alt_titles=["Développeur Java / Spring"], weight=3),
    T("dotnet", "Développeur d'applications .NET", "RNCP", "RNCP36471", 6, 5,
      ["M1805", "M1861"], ["31088"], (630, 805),
      ["net_core", "net_web", "net_sqlserver"], ["tests", "git", "agile", "frontfw", "cda_archi", "api"],
      "Former des développeurs capables de concevoir et de maintenir des applications web et métier sur la plateforme Microsoft .NET. "
      "Les projets utilisent C#, {dotnetfw} et SQL Server.",
      ["Niveau bac+2 ; logique et bases de programmation évaluées par un test.",
       "Niveau bac+2 ou expérience en informatique de gestion."],
      alt_titles=["Développeur C# .NET"], weight=2),
    T("devops", "Administrateur système DevOps", "RNCP", "RNCP36061", 6, 5,
      ["M1827", "M1876", "M1801"], ["31089", "31006"], (630, 840),
      ["linux", "docker", "devops_ci", "cloud"], ["devops_orch", "devops_obs", "git", "pyprog", "t_en"],
      "Former des administrateurs capables d'automatiser le déploiement et l'exploitation d'infrastructures et d'applications dans le cloud. "
      "Les outils principaux sont {cloud}, {iac}, {ci} et {orch}.",
      ["Niveau bac+2 en informatique ou expérience d'administration systèmes ou de développement.",
       "Titre de technicien supérieur systèmes et réseaux ou équivalent ; aisance avec Linux."],
      alt_titles=["DevOps / administrateur cloud"], weight=4),
    T("soc", "Analyste en cybersécurité", "RNCP", "RNCP37133", 6, 5,
      ["M1883", "M1844", "M1812", "M1856"], ["31006"], (630, 840),
      ["cyber_soc", "cyber_ir", "network", "linux"], ["cyber_pentest", "cyber_gov", "winsrv", "pyprog", "t_en"],
      "Former des analystes capables de surveiller un système d'information, de détecter les attaques et de contribuer à la réponse aux incidents au sein d'un SOC. "
      "Les exercices sont menés dans {siem} sur une plateforme d'entraînement.",
      ["Niveau bac+2 en informatique ou réseaux ; test technique et entretien de motivation.",
       "Expérience en administration systèmes et réseaux ou titre de niveau 5 du domaine."],
      alt_titles=["Analyste SOC", "Analyste cybersécurité – SOC"], weight=4),
    T("telecom", "Technicien réseaux et télécommunications", "RNCP", "RNCP35324", 4, 3,
      ["M1816", "M1830", "I1401"], ["24249", "24231"], (560, 735),
      ["network", "tel_wifi", "tel_cabling"], ["fib_measure", "linux", "tai_support", "t_en"],
      "Former des techniciens capables d'installer, de configurer et de maintenir les réseaux locaux, les réseaux sans fil et la téléphonie d'entreprise. "
      "Les équipements utilisés en atelier sont de marque {net}.",
      ["Niveau fin de scolarité obligatoire ; intérêt pour la technique et le travail de terrain.",
       "Niveau CAP/BEP dans l'électricité ou l'électronique, ou expérience équivalente."],
      weight=3),
    T("qa", "Testeur logiciel", "RNCP", "RNCP36525", 5, 4,
      ["M1815", "M1842"], ["31018"], (420, 595),
      ["qa_strategy", "qa_auto", "sql"], ["qa_perf", "agile", "git", "js", "pyprog"],
      "Former des testeurs capables de concevoir, d'exécuter et d'automatiser des tests pour garantir la qualité des logiciels. "
      "L'automatisation est enseignée avec {test} et intégrée à {ci}.",
      ["Niveau bac ; rigueur, esprit d'analyse et curiosité pour le logiciel.",
       "Niveau bac ou expérience métier (banque, assurance, logistique) utile au test fonctionnel."],
      alt_titles=["Testeur / testeuse logiciel (QA)"], weight=3),
    T("mobile", "Concepteur développeur d'applications mobiles", "RNCP", "RNCP36155", 6, 5,
      ["M1805", "M1861", "M1855"], ["31093", "31054"], (630, 805),
      ["mob_dev", "mob_store", "js"], ["mob_backend", "proto", "git", "agile", "api", "tests"],
      "Former des développeurs capables de concevoir, de développer et de publier des applications mobiles pour Android et iOS. "
      "Le parcours s'appuie sur {mobile}.",
      ["Niveau bac+2 ou titre de développeur web ; bases de programmation vérifiées.",
       "Niveau bac+2 avec une première pratique de JavaScript ou d'un autre langage."],
      alt_titles=["Développeur mobile"], weight=3),
    T("integ", "Intégrateur web", "RNCP", "RNCP36248", 5, 3,
      ["M1855", "E1210"], ["31054", "46270"], (490, 665),
      ["webbase", "js", "int_anim"], ["int_perf", "a11y", "sitecms", "git", "frontfw"],
      "Former des intégrateurs capables de transformer des maquettes en pages web responsive, accessibles, performantes et conformes aux standards. "
      "Les maquettes à intégrer sont fournies sous {design}.",
      ["Niveau fin de scolarité obligatoire ; goût pour le visuel et la précision.",
       "Aucun diplôme exigé ; tests de logique et d'anglais simples à l'entrée."],
      weight=3),
    T("mediation", "Conseiller médiateur numérique", "RNCP", "RNCP37104", 3, None,
      ["G1238", "K1204", "K2111"], ["15052", "44591"], (385, 560),
      ["med_accomp", "med_ateliers", "med_outils"], ["med_lieu", "t_digital", "t_soft", "tai_support"],
      "Former des médiateurs capables d'accompagner tous les publics vers l'autonomie numérique, en individuel comme en atelier collectif. "
      "Le parcours prépare aux postes de conseiller numérique dans les collectivités, associations et espaces France Services.",
      ["Aucun diplôme exigé ; usage courant d'un ordinateur et d'un smartphone, goût pour la transmission.",
       "Aucun prérequis de niveau ; expérience associative ou d'accueil du public appréciée."],
      alt_titles=["Médiateur numérique", "Conseiller numérique"], weight=4),
    T("fibre", "Installateur de réseaux de télécommunications en fibre optique", "RNCP", "RNCP34107", 3, None,
      ["I1315", "I1311", "I1317"], ["24231"], (350, 490),
      ["fib_splice", "fib_measure", "fib_ftth"], ["fib_safety", "tel_cabling", "t_soft"],
      "Former des techniciens de terrain capables de déployer, de raccorder et de mesurer les réseaux de fibre optique jusqu'à l'abonné. "
      "La formation se déroule sur un plateau technique reproduisant chambres, poteaux et logements.",
      ["Aucun diplôme exigé ; bonne condition physique, absence de vertige et permis B souhaité.",
       "Aucun prérequis de niveau ; aptitude au travail en extérieur et à la précision manuelle."],
      alt_titles=["Technicien fibre optique", "Installateur fibre optique (FTTH)"], weight=4),
    T("support", "Agent de support et d'assistance aux utilisateurs", "RNCP", "RNCP35521", 3, None,
      ["I1404", "I1401"], ["31009"], (350, 525),
      ["sup_bases", "sup_phone", "tai_support"], ["tai_m365", "tai_hw", "t_digital", "t_en"],
      "Former des agents de support capables d'accueillir, de diagnostiquer et de résoudre les demandes courantes des utilisateurs, ou de les orienter vers le bon interlocuteur. "
      "Les mises en situation utilisent l'outil {itsm}.",
      ["Aucun diplôme exigé ; aisance à l'oral et patience.",
       "Niveau CAP/BEP conseillé ; usage courant de l'ordinateur."],
      alt_titles=["Technicien helpdesk niveau 1"], weight=3),
    T("po", "Product owner", "RNCP", "RNCP36912", 6, 5,
      ["M1864", "M1814"], ["32044"], (385, 560),
      ["po_product", "agile", "uxres"], ["po_scale", "cp_cadrage", "ux_test", "dataviz", "t_ai"],
      "Former des Product Owners capables de porter la vision d'un produit numérique, de prioriser le backlog et de collaborer au quotidien avec une équipe de développement agile. "
      "Les ateliers utilisent {proj} et des prototypes {design}.",
      ["Niveau bac+2 et expérience professionnelle de deux ans, idéalement dans le numérique ou un métier en lien avec les utilisateurs.",
       "Niveau bac+3 ou expérience équivalente en gestion de projet."],
      alt_titles=["Product owner / Scrum master"], weight=2),
    T("de", "Data engineer", "RNCP", "RNCP37638", 7, 6,
      ["M1811", "M1868", "M1824"], ["31036", "31035"], (700, 910),
      ["de_pipeline", "de_warehouse", "sql", "pyprog"], ["de_stream", "docker", "cloud", "git", "stats"],
      "Former des ingénieurs de la donnée capables de concevoir et d'exploiter les architectures et pipelines qui alimentent l'analyse et l'intelligence artificielle. "
      "Les pipelines sont orchestrés avec {pipeline} sur {cloud}.",
      ["Niveau bac+3 en informatique ou en sciences ; maîtrise de SQL et bases de Python.",
       "Niveau bac+3 ou expérience de développeur ou d'analyste de données."],
      alt_titles=["Data engineer – ingénieur de la donnée"], weight=3),
]

# --------------------------------------------------------------------------
# Other vocabularies.
# --------------------------------------------------------------------------
PUBLICS = ["demandeurs_emploi", "jeunes", "femmes", "qpv", "reconversion", "rqth"]
FUNDINGS = ["France Travail (AIF)", "Région", "CPF", "OPCO", "Transitions Pro", "Agefiph"]
# The codes of the catalogue format, in their order there.
PUBLIC_CODES = ["demandeurs_emploi", "jeunes", "femmes", "qpv", "zrr", "peu_qualifies",
                "rqth", "salaries", "tout_public"]
FUNDING_CODES = ["gratuit", "france_travail", "region", "cpf", "opco", "etat", "entreprise",
                 "personnel", "agefiph", "autre"]
FUNDING_CODE_OF = {"France Travail (AIF)": "france_travail", "Région": "region", "CPF": "cpf",
                   "OPCO": "opco", "Transitions Pro": "autre", "Agefiph": "agefiph"}
NOT_ACCESSIBLE = [
    "Plateau technique à l'étage sans ascenseur et postes non adaptables : la formation ne peut pas accueillir de personnes en situation de handicap ; nous orientons vers une session accessible.",
    "Stage en atelier de maintenance incompatible avec la plupart des aménagements : formation non accessible aux personnes en situation de handicap, réorientation proposée avec Cap emploi.",
]
# Whom to ask about a disability: roles and departments, never a person.
DISABILITY_CONTACTS = [
    "Référent handicap de l'organisme",
    "Mission handicap du centre de formation",
    "Pôle accueil et accompagnement des apprenants",
    "Référent handicap du site",
    "Service inclusion et vie des apprenants",
]
ACCESSIBILITY = [
    "Locaux accessibles aux personnes à mobilité réduite ; un référent handicap étudie avec chaque apprenant les aménagements de parcours nécessaires.",
    "Un référent handicap est joignable dès l'inscription pour adapter le rythme, les supports et les modalités d'évaluation, en lien avec l'Agefiph et Cap emploi.",
    "Formation accessible aux personnes en situation de handicap : poste de travail adaptable, supports compatibles avec les lecteurs d'écran et tiers-temps aux évaluations.",
    "Locaux de plain-pied ; notre référente handicap accompagne la mise en place des compensations (matériel, interprète LSF, aménagement horaire).",
    "Parcours ouvert aux bénéficiaires de la RQTH ; un entretien avec le référent handicap permet d'anticiper les aménagements pédagogiques et matériels.",
    "Formation à distance compatible avec les technologies d'assistance ; un référent handicap assure un suivi individuel tout au long du parcours.",
]


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def monday_on_or_after(d):
    return d + dt.timedelta(days=(7 - d.weekday()) % 7)


def random_monday(rng, lo, hi):
    lo = monday_on_or_after(lo)
    weeks = (hi - lo).days // 7
    return lo + dt.timedelta(weeks=rng.randint(0, max(0, weeks)))


def session_end(start, hours):
    weeks = -(-hours // 35)  # full-time, 35 h a week
    return start + dt.timedelta(weeks=weeks) - dt.timedelta(days=3)  # Friday


def split_hours(rng, total, weights):
    """Split total hours (a multiple of 7) into multiples of 7 proportional to weights."""
    days = total // 7
    jittered = [w * rng.uniform(0.8, 1.25) for w in weights]
    s = sum(jittered)
    parts = [max(2, int(days * w / s)) for w in jittered]
    while sum(parts) < days:
        i = max(range(len(parts)), key=lambda i: jittered[i] * days / s - parts[i])
        parts[i] += 1
    while sum(parts) > days:
        i = max(range(len(parts)), key=lambda i: parts[i])
        parts[i] -= 1
    return [p * 7 for p in parts]


def allocate_cities(rng):
    """Return a list of (city tuple) of length sum(REGION_COUNTS), region by region."""
    slots = []
    for region, count in REGION_COUNTS.items():
        cities = [c for c in CITIES if c[5] == region]
        chosen = list(cities)  # every city at least once
        weights = [CITY_WEIGHT.get(c[0], 1) for c in cities]
        while len(chosen) < count:
            chosen.append(rng.choices(cities, weights)[0])
        chosen = chosen[:count]
        slots.extend(chosen)
    return slots


def pick_provider(rng, city, region, cache):
    key = (city[0], city[1])
    options = cache.setdefault(key, None)
    if options is None:
        pattern = rng.choice(CITY_PROVIDER_PATTERNS)
        options = [pattern.format(city=city[1])] + REGIONAL_PROVIDERS[region]
        if region not in ("01", "02", "03", "04", "06", "94"):
            options += rng.sample(NATIONAL_PROVIDERS, 3)
        cache[key] = options
    return rng.choice(options)


def draw_modules(rng, ttype, modality):
    """Module ids for one training: all the core modules of the type, then
    extras and transversal ones, 5 to 7 modules in all, internship last."""
    core = list(ttype["core"])
    target = rng.randint(5, 7)
    n_trans = rng.choice([1, 1, 2])
    n_extra = max(0, target - len(core) - n_trans)
    extra = rng.sample(ttype["extra"], min(n_extra, len(ttype["extra"])))
    trans_pool = [t for t in TRANSVERSAL if t not in extra]
    trans = rng.sample(trans_pool, n_trans)
    if modality != "distanciel" and "t_stage" not in trans and rng.random() < 0.45:
        trans[-1] = "t_stage"
    mids = core + extra + trans
    mids.sort(key=lambda m: m == "t_stage")
    return mids


def build():
    rng = random.Random(SEED)
    slots = allocate_cities(rng)
    rng.shuffle(slots)
    n = len(slots)

    # Types: a quota proportional to the type's weight (at least 5 each).
    total_weight = sum(t["weight"] for t in TYPES)
    quota = {t["key"]: max(5, round(n * t["weight"] / total_weight)) for t in TYPES}
    by_weight = sorted(TYPES, key=lambda t: -t["weight"])
    k = 0
    while sum(quota.values()) != n:
        t = by_weight[k % len(by_weight)]
        quota[t["key"]] += 1 if sum(quota.values()) < n else -1
        k += 1
    type_seq = [t for t in TYPES for _ in range(quota[t["key"]])]
    rng.shuffle(type_seq)

    # Modality: exactly 60 % on site, 25 % hybrid, 15 % remote.
    n_hyb, n_dist = round(n * 0.25), round(n * 0.15)
    modalities = ["hybride"] * n_hyb + ["distanciel"] * n_dist + ["presentiel"] * (n - n_hyb - n_dist)
    rng.shuffle(modalities)

    # Deliberately stale entries (~5 % each, disjoint).
    idx = list(range(n))
    rng.shuffle(idx)
    n_stale = round(n * 0.05)
    expired = set(idx[:n_stale])
    past = set(idx[n_stale:2 * n_stale])

    provider_cache = {}
    seen_curricula = set()
    records = []
    for i, (city, ttype) in enumerate(zip(slots, type_seq)):
        region = city[5]
        modality = modalities[i]
        lo, hi = ttype["hours"]
        hours = 7 * rng.randint(lo // 7, hi // 7)

        # Technology variants and modules, redrawn until this curriculum
        # differs from every other training of the same type.
        for _attempt in range(50):
            var = {k: rng.choice(v) for k, v in VARIANTS.items()}
            mids = draw_modules(rng, ttype, modality)
            signature = (ttype["key"], tuple(M[m][0].format(**var) + M[m][2].format(**var) for m in mids))
            if signature not in seen_curricula:
                break
        seen_curricula.add(signature)

        title = ttype["title"]
        if ttype["alt_titles"] and rng.random() < 0.3:
            title = rng.choice(ttype["alt_titles"]).format(**var)

        provider = pick_provider(rng, city, region, provider_cache)

        hrs = split_hours(rng, hours, [M[m][1] for m in mids])
        modules = [{"title": M[m][0].format(**var), "hours": h, "content": M[m][2].format(**var)}
                   for m, h in zip(mids, hrs)]

        # Sessions.
        days = (session_end(FIRST_START, hours) - FIRST_START).days
        sessions = []
        if i in past:
            latest = REFERENCE_DATE - dt.timedelta(days=days + 10)
            starts = [random_monday(rng, FIRST_START, latest)]
            count, lo, hi = rng.randint(1, 2), FIRST_START, latest
        else:
            starts = [random_monday(rng, REFERENCE_DATE + dt.timedelta(days=7), LAST_START)]
            count, lo, hi = rng.choices([1, 2, 3], [35, 45, 20])[0], FIRST_START, LAST_START
        for _ in range(60):  # further sessions, at least eight weeks apart
            if len(starts) >= count:
                break
            s = random_monday(rng, lo, hi)
            if all(abs((s - o).days) >= 56 for o in starts):
                starts.append(s)
        starts.sort()
        for s in starts:
            end = session_end(s, hours)
            seats = rng.randint(10, 24)
            if end < REFERENCE_DATE:
                taken = seats - rng.randint(0, 2)
            elif s < REFERENCE_DATE:
                taken = seats - rng.randint(0, 3)
            elif rng.random() < 0.15:
                taken = seats
            else:
                taken = rng.randint(0, seats - 1)
            sessions.append({"start": s.isoformat(), "end": end.isoformat(),
                             "seats": seats, "seats_taken": taken})
        duration_months = max(1, round(days / 30.44))

        # Label (valid three years).
        if i in expired:
            granted = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 325))
        else:
            granted = dt.date(2024, 1, 15) + dt.timedelta(days=rng.randint(0, 1000))
            if add_years(granted, 3) <= REFERENCE_DATE + dt.timedelta(days=60):
                granted = add_years(granted, 1)
        label = {"granted": granted.isoformat(), "expires": add_years(granted, 3).isoformat()}

        # Public.
        public = ["demandeurs_emploi"] if rng.random() < 0.92 else []
        for p, prob in (("jeunes", 0.45), ("femmes", 0.3), ("qpv", 0.35), ("reconversion", 0.6), ("rqth", 0.4)):
            if rng.random() < prob:
                public.append(p)
        if "Codeuses" in provider and "femmes" not in public:
            public.append("femmes")
        if not public:
            public = ["reconversion"]

        # Funding.
        funding = []
        if "demandeurs_emploi" in public or rng.random() < 0.5:
            funding.append("France Travail (AIF)")
        if rng.random() < 0.7:
            funding.append("Région")
        if ttype["kind"] in ("RNCP", "RS") and rng.random() < 0.65:
            funding.append("CPF")
        if rng.random() < 0.35:
            funding.append("OPCO")
        if "reconversion" in public and rng.random() < 0.3:
            funding.append("Transitions Pro")
        if "rqth" in public and rng.random() < 0.4:
            funding.append("Agefiph")
        if not funding:
            funding = ["Région"]
        funding.sort(key=FUNDINGS.index)

        allowed = [0, 1, 2, 3, 4] if modality != "distanciel" else [1, 2, 4, 5]
        accessibility = ACCESSIBILITY[rng.choice(allowed)]

        entry = ttype["entry"]
        if entry is not None and rng.random() < 0.2:
            entry = max(3, entry - 1)
        prereq = rng.choice(ttype["prereq"])

        # Eligibility, from a generator of its own so that the draws above, and with
        # them every other field, stay those of earlier versions of the catalogue.
        erng = random.Random(f"{SEED}:eligibility:{i}")
        publics = [p for p in public if p != "reconversion"]
        if "reconversion" in public and erng.random() < 0.5:
            publics.append("salaries")
        if entry is None or entry <= 3:
            publics.append("peu_qualifies")
        if erng.random() < 0.1:
            publics.append("zrr")
        if not publics:
            publics = ["tout_public"]
        publics.sort(key=PUBLIC_CODES.index)
        r = erng.random()
        reserved_to = []
        for public_code, upto in (("demandeurs_emploi", 0.30), ("jeunes", 0.40), ("qpv", 0.48), ("femmes", 0.52)):
            if r < upto:
                if public_code in publics:
                    reserved_to = [public_code]
                break
        codes = [FUNDING_CODE_OF[f] for f in funding]
        public_money = "france_travail" in codes or "region" in codes
        if public_money and erng.random() < 0.85:
            codes.append("gratuit")
        if erng.random() < 0.15:
            codes.append("etat")
        if "gratuit" not in codes and erng.random() < 0.3:
            codes.append("personnel")
        funding_codes = sorted(set(codes), key=FUNDING_CODES.index)
        a = erng.random()
        accessible_rqth = True if a < 0.78 else False if a < 0.85 else None
        if "rqth" in publics:
            accessible_rqth = True
        contact = erng.choice(DISABILITY_CONTACTS)
        if accessible_rqth is True:
            disability_contact = contact if erng.random() < 0.9 else None
        elif accessible_rqth is False:
            accessibility = erng.choice(NOT_ACCESSIBLE)
            disability_contact = contact if erng.random() < 0.5 else None
        else:
            accessibility, disability_contact = None, None

        objectives = ttype["objectives"].format(**var)
        if modality == "distanciel":
            objectives += " La formation se suit entièrement à distance, en classe virtuelle avec un formateur et un suivi individuel hebdomadaire."
        elif modality == "hybride":
            objectives += " Le parcours alterne journées sur site et classes virtuelles."

        records.append({
            "id": f"gen-{i + 1:04d}",
            "title": title,
            "certification": {"kind": ttype["kind"], "code": ttype["code"],
                              "title": ttype["cert_title"], "level": ttype["level"]},
            "provider": provider,
            "location": {"commune": city[0], "city": city[1], "postcode": city[2],
                         "lat": city[3], "lon": city[4]},
            "modality": modality,
            "duration_hours": hours,
            "duration_months": duration_months,
            "entry_level": entry,
            "exit_level": ttype["level"],
            "rome": list(ttype["rome"]),
            "formacode": list(ttype["formacode"]),
            "sessions": sessions,
            "label": label,
            "publics": publics,
            "reserved_to": reserved_to,
            "funding": funding_codes,
            "accessible_rqth": accessible_rqth,
            "disability_contact": disability_contact,
            "accessibility": accessibility,
            "curriculum": {"objectives": objectives, "prerequisites": prereq, "modules": modules},
            "demo": True,
        })
    return records


def main():
    # An optional output path (the tests regenerate into a scratch file and compare).
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    records = build()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} trainings to {out}")


if __name__ == "__main__":
    main()
