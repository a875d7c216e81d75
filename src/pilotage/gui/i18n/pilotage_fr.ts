<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="+46"/>
        <source>Welcome to Pilotage</source>
        <translation>Bienvenue dans Pilotage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This database holds no contract-program yet.</source>
        <translation>Cette base de données ne contient encore aucun contrat-programme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the demo contract-program to look around, or start with a blank database.</source>
        <translation>Chargez le contrat-programme de démonstration pour découvrir l’application, ou commencez avec une base vide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load the demo</source>
        <translation>Charger la démonstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start blank</source>
        <translation>Commencer avec une base vide</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database could not be opened:
{error}</source>
        <translation>La base de données n’a pas pu être ouverte :
{error}</translation>
    </message>
</context>
<context>
    <name>BudgetLinesModel</name>
    <message>
        <location filename="../models/tables.py" line="+207"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>Engagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disbursed</source>
        <translation>Décaissé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../error_dialog.py" line="+59"/>
        <source>Unexpected error — Pilotage</source>
        <translation>Erreur inattendue — Pilotage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong. What was under way was not saved; you can go on working.</source>
        <translation>Une erreur s’est produite. L’opération en cours n’a pas été enregistrée ; vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+17"/>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location line="+34"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../screenshots.py" line="+180"/>
        <source>The details were written to {path}.</source>
        <translation>Les détails ont été enregistrés dans {path}.</translation>
    </message>
</context>
<context>
    <name>FlaggedKpisModel</name>
    <message>
        <location filename="../models/dashboard.py" line="+55"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality flags</source>
        <translation>Alertes qualité</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../formats.py" line="+34"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>InitiativePage</name>
    <message>
        <location filename="../pages/initiative_page.py" line="+62"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned budget</source>
        <translation>Budget prévisionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>KPIs</source>
        <translation>Indicateurs (KPI)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Milestones</source>
        <translation>Jalons</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Budget lines</source>
        <translation>Lignes budgétaires</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Initiative · {path} · as of {day}</source>
        <translation>Initiative · {path} · au {day}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Total: planned {planned}, committed {committed}, disbursed {disbursed}</source>
        <translation>Total : prévu {planned}, engagé {committed}, décaissé {disbursed}</translation>
    </message>
</context>
<context>
    <name>InitiativesModel</name>
    <message>
        <location filename="../models/tables.py" line="-97"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIs</source>
        <translation>Indicateurs (KPI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean progress</source>
        <translation>Avancement moyen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>KpiChart</name>
    <message>
        <location filename="../charts.py" line="+90"/>
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Target to date</source>
        <translation>Cible à date</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Original target</source>
        <translation>Cible initiale</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Not enough measurements yet to draw a trend (at least two are needed).</source>
        <translation>Pas encore assez de mesures pour tracer une tendance (il en faut au moins deux).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No measurement up to this date: nothing to chart yet.</source>
        <translation>Aucune mesure à cette date : rien à représenter pour l’instant.</translation>
    </message>
</context>
<context>
    <name>KpiPage</name>
    <message>
        <location filename="../pages/kpi_page.py" line="+86"/>
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target to date</source>
        <translation>Cible à date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected progress</source>
        <translation>Avancement attendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality flags</source>
        <translation>Alertes qualité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aggregation</source>
        <translation>Agrégation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequency</source>
        <translation>Périodicité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline</source>
        <translation>Valeur de référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final target</source>
        <translation>Cible finale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thresholds</source>
        <translation>Seuils</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Actual against target</source>
        <translation>Réalisé par rapport à la cible</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data source</source>
        <translation>Source des données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Means of verification</source>
        <translation>Moyens de vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add measurement…</source>
        <translation>Ajouter une mesure…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Delete measurement…</source>
        <translation>Supprimer la mesure…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>KPI · as of {day}</source>
        <translation>Indicateur · au {day}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evaluation as of {day}</source>
        <translation>Évaluation au {day}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>KPI · {path} · as of {day}</source>
        <translation>Indicateur · {path} · au {day}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>on track from {green} of expected, at risk from {amber}</source>
        <translation>en bonne voie à partir de {green} de l’attendu, à risque à partir de {amber}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Measurements{unit}: {count}</source>
        <translation>Mesures{unit} : {count}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Actual against target{unit}</source>
        <translation>Réalisé par rapport à la cible{unit}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Add measurement {period} to {kpi}</source>
        <translation>Ajout de la mesure {period} à {kpi}</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+10"/>
        <source>Delete a measurement</source>
        <translation>Supprimer une mesure</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Delete the measurement of {period} of {kpi}?</source>
        <translation>Supprimer la mesure de la période {period} de {kpi} ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete measurement {period} of {kpi}</source>
        <translation>Suppression de la mesure {period} de {kpi}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{value} on {day}</source>
        <translation>{value} le {day}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>KpisModel</name>
    <message>
        <location filename="../models/tables.py" line="+17"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Target to date</source>
        <translation>Cible à date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="+22"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Achevé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contracting authority</source>
        <translation>Autorité contractante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contractor</source>
        <translation>Cocontractant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funder</source>
        <translation>Bailleur de fonds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percentage</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes/no</source>
        <translation>Oui/non</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Increase</source>
        <translation>Hausse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decrease</source>
        <translation>Baisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum of periods</source>
        <translation>Somme des périodes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest value</source>
        <translation>Dernière valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarterly</source>
        <translation>Trimestrielle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-yearly</source>
        <translation>Semestrielle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yearly</source>
        <translation>Annuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-off</source>
        <translation>Ponctuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validated</source>
        <translation>Validée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No baseline</source>
        <translation>Pas de valeur de référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No target</source>
        <translation>Pas de cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No definition</source>
        <translation>Pas de définition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data source</source>
        <translation>Pas de source de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue measurement</source>
        <translation>Mesure en retard</translation>
    </message>
</context>
<context>
    <name>LateMilestonesModel</name>
    <message>
        <location filename="../models/dashboard.py" line="-27"/>
        <source>Initiative</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Milestone</source>
        <translation>Jalon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days late</source>
        <translation>Jours de retard</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+104"/>
        <source>Search by code or name</source>
        <translation>Rechercher par code ou par nom</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>{database} — Pilotage</source>
        <translation>{database} — Pilotage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As of</source>
        <translation>Date d’arrêté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As of </source>
        <translation>Au </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The date every status and figure is judged on</source>
        <translation>La date à laquelle chaque statut et chaque chiffre sont évalués</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge everything as of today</source>
        <translation>Tout évaluer à la date d’aujourd’hui</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a &amp;backup copy…</source>
        <translation>Enregistrer une copie de &amp;sauvegarde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in navigator</source>
        <translation>&amp;Rechercher dans le navigateur</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+309"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="-301"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete an initiative</source>
        <translation>Supprimer une initiative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {code} {name} with its KPIs ({count}), their measurements, its milestones and budget lines?</source>
        <translation>Supprimer {code} {name} avec ses indicateurs ({count}), leurs mesures, ses jalons et ses lignes budgétaires ?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete initiative {code}</source>
        <translation>Suppression de l’initiative {code}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a program, pillar, initiative or KPI.</source>
        <translation>Sélectionnez un programme, un pilier, une initiative ou un indicateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database holds no contract-program yet.</source>
        <translation>Cette base de données ne contient encore aucun contrat-programme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Portfolio as of {day} · programs: {count}</source>
        <translation>Portefeuille au {day} · programmes : {count}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The portfolio could not be loaded: {error}</source>
        <translation>Le portefeuille n’a pas pu être chargé : {error}</translation>
    </message>
    <message>
        <location line="+105"/>
        <location line="+10"/>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+22"/>
        <location line="+39"/>
        <source>Pilotage databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de données Pilotage (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>{path} already exists: open it, or choose another name.</source>
        <translation>{path} existe déjà : ouvrez-le ou choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opening {database}…</source>
        <translation>Ouverture de {database}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+8"/>
        <source>Save a backup copy</source>
        <translation>Enregistrer une copie de sauvegarde</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>A server database is backed up with the server&apos;s own tools.</source>
        <translation>Une base de données sur serveur se sauvegarde avec les outils propres au serveur.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saving a backup copy…</source>
        <translation>Enregistrement de la copie de sauvegarde…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup copy written to {path}</source>
        <translation>Copie de sauvegarde enregistrée dans {path}</translation>
    </message>
</context>
<context>
    <name>MeasurementDialog</name>
    <message>
        <location filename="../dialogs/measurement_dialog.py" line="+55"/>
        <source>Add a measurement</source>
        <translation>Ajouter une mesure</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Period start</source>
        <translation>Début de période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period end</source>
        <translation>Fin de période</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Numerator</source>
        <translation>Numérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denominator</source>
        <translation>Dénominateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value{unit}</source>
        <translation>Valeur{unit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>is not a number</source>
        <translation>n’est pas un nombre</translation>
    </message>
</context>
<context>
    <name>MeasurementsModel</name>
    <message>
        <location filename="../models/measurements_model.py" line="+31"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numerator</source>
        <translation>Numérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denominator</source>
        <translation>Dénominateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered by</source>
        <translation>Saisi par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
</context>
<context>
    <name>MilestonesModel</name>
    <message>
        <location filename="../models/tables.py" line="+20"/>
        <source>Milestone</source>
        <translation>Jalon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Done</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Late by %n day(s)</source>
        <translation>
            <numerusform>En retard de %n jour</numerusform>
            <numerusform>En retard de %n jours</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../models/navigator_model.py" line="+283"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../pages/base.py" line="+91"/>
        <source>This page could not be loaded: {error}</source>
        <translation>Cette page n’a pas pu être chargée : {error}</translation>
    </message>
</context>
<context>
    <name>PartiesModel</name>
    <message>
        <location filename="../models/tables.py" line="-128"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
</context>
<context>
    <name>PillarPage</name>
    <message>
        <location filename="../pages/pillar_page.py" line="+23"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KPIs by status</source>
        <translation>Indicateurs par statut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Initiatives</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pillar KPIs</source>
        <translation>Indicateurs du pilier</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pillar · {path} · as of {day}</source>
        <translation>Pilier · {path} · au {day}</translation>
    </message>
</context>
<context>
    <name>PillarsModel</name>
    <message>
        <location filename="../models/tables.py" line="+20"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initiatives</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIs</source>
        <translation>Indicateurs (KPI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean progress</source>
        <translation>Avancement moyen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>ProgramPage</name>
    <message>
        <location filename="../pages/program_page.py" line="+68"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total budget</source>
        <translation>Budget total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned (budget lines)</source>
        <translation>Prévu (lignes budgétaires)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committed</source>
        <translation>Engagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disbursed</source>
        <translation>Décaissé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>KPIs by status</source>
        <translation>Indicateurs par statut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pillars</source>
        <translation>Piliers</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Double-click or press Enter to open the initiative</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir l’initiative</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No milestone is late.</source>
        <translation>Aucun jalon n’est en retard.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Double-click or press Enter to open the KPI</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir l’indicateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No KPI has a quality flag.</source>
        <translation>Aucun indicateur ne présente d’alerte qualité.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Program KPIs</source>
        <translation>Indicateurs du programme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parties and signatories</source>
        <translation>Parties et signataires</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contract-program · as of {day}</source>
        <translation>Contrat-programme · au {day}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>KPIs with quality flags: {count}</source>
        <translation>Indicateurs avec alertes qualité : {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Late milestones</source>
        <translation>Jalons en retard</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Late milestones: {count}</source>
        <translation>Jalons en retard : {count}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../status.py" line="+33"/>
        <source>Achieved</source>
        <translation>Atteint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On track</source>
        <translation>En bonne voie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>À risque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off track</source>
        <translation>Hors trajectoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data</source>
        <translation>Pas de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not started</source>
        <translation>Non démarré</translation>
    </message>
</context>
<context>
    <name>StatusCounts</name>
    <message>
        <location filename="../pages/widgets.py" line="+223"/>
        <source>KPIs: {count} · mean progress {progress}</source>
        <translation>Indicateurs : {count} · avancement moyen {progress}</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../models/tables.py" line="+131"/>
        <source>Period end</source>
        <translation>Fin de période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revised on</source>
        <translation>Révisé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Original</source>
        <translation>Initiale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revision {number}</source>
        <translation>Révision {number}</translation>
    </message>
</context>
</TS>
