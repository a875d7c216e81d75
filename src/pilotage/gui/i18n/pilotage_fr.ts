<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="+48"/>
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
        <location line="+39"/>
        <location line="+23"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>The database could not be opened:
{error}</source>
        <translation>La base de données n’a pas pu être ouverte :
{error}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Workbooks from partners cannot be imported: {problem}.</source>
        <translation>Les classeurs des partenaires ne peuvent pas être importés : {problem}.</translation>
    </message>
</context>
<context>
    <name>BudgetLineDialog</name>
    <message>
        <location filename="../dialogs/budget_line_dialog.py" line="+35"/>
        <source>Add a budget line</source>
        <translation>Ajouter une ligne budgétaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit a budget line</source>
        <translation>Modifier une ligne budgétaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned{unit}</source>
        <translation>Prévu{unit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Committed{unit}</source>
        <translation>Engagé{unit}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disbursed{unit}</source>
        <translation>Décaissé{unit}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
</context>
<context>
    <name>BudgetLinesModel</name>
    <message>
        <location filename="../models/tables.py" line="+256"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Committed</source>
        <translation>Engagé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disbursed</source>
        <translation>Décaissé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>BudgetSection</name>
    <message>
        <location filename="../pages/budget_section.py" line="+38"/>
        <source>Budget lines</source>
        <translation>Lignes budgétaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a budget line…</source>
        <translation>Ajouter une ligne budgétaire…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the budget line…</source>
        <translation>Modifier la ligne budgétaire…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the budget line…</source>
        <translation>Supprimer la ligne budgétaire…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Total: planned {planned}, committed {committed}, disbursed {disbursed}</source>
        <translation>Total : prévu {planned}, engagé {committed}, décaissé {disbursed}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Budget line {year} saved, with a warning: {warnings}</source>
        <translation>Ligne budgétaire {year} enregistrée, avec un avertissement : {warnings}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add budget line {year} to {code}</source>
        <translation>Ajout de la ligne budgétaire {year} à {code}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Edit budget line {year} of {code}</source>
        <translation>Modification de la ligne budgétaire {year} de {code}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete budget line {year} of {code}</source>
        <translation>Suppression de la ligne budgétaire {year} de {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete a budget line</source>
        <translation>Supprimer une ligne budgétaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the budget line {year} of {code}?</source>
        <translation>Supprimer la ligne budgétaire {year} de {code} ?</translation>
    </message>
</context>
<context>
    <name>ChangeWatcher</name>
    <message>
        <location filename="../change_watcher.py" line="+201"/>
        <source>Changed by others: will refresh when you finish</source>
        <translation>Modifié par d’autres : actualisation quand vous aurez terminé</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changed by others: refreshed at {time}</source>
        <translation>Modifié par d’autres : actualisé à {time}</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../conflicts.py" line="+43"/>
        <source>{by} changed this record at {at}, after you had opened it: your change was not saved.</source>
        <translation>{by} a modifié cette fiche à {at}, après que vous l’avez ouverte : votre modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{by} changed this record after you had opened it: your change was not saved.</source>
        <translation>{by} a modifié cette fiche après que vous l’avez ouverte : votre modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone else changed this record after you had opened it: your change was not saved.</source>
        <translation>Quelqu’un d’autre a modifié cette fiche après que vous l’avez ouverte : votre modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{by} deleted this record at {at}.</source>
        <translation>{by} a supprimé cette fiche à {at}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{by} deleted this record.</source>
        <translation>{by} a supprimé cette fiche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This record was deleted.</source>
        <translation>Cette fiche a été supprimée.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ticked</source>
        <translation>cochée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not ticked</source>
        <translation>non cochée</translation>
    </message>
    <message>
        <location filename="../../services/conflicts.py" line="+48"/>
        <source>{period} of {code} was recorded by {by} at {at} meanwhile: your figure was not saved; edit that measurement instead</source>
        <translation>{period} de {code} a été enregistré entre-temps par {by} à {at} : votre chiffre n’a pas été enregistré ; modifiez plutôt cette mesure</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{period} of {code} was recorded by {by} meanwhile: your figure was not saved; edit that measurement instead</source>
        <translation>{period} de {code} a été enregistré entre-temps par {by} : votre chiffre n’a pas été enregistré ; modifiez plutôt cette mesure</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{period} of {code} was recorded by someone else meanwhile: your figure was not saved; edit that measurement instead</source>
        <translation>{period} de {code} a été enregistré entre-temps par quelqu’un d’autre : votre chiffre n’a pas été enregistré ; modifiez plutôt cette mesure</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the target of {day} of {code} was changed by {by} at {at}, after you had opened this form: your revision was not saved</source>
        <translation>la cible du {day} de {code} a été modifiée par {by} à {at}, après que vous avez ouvert ce formulaire : votre révision n’a pas été enregistrée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the target of {day} of {code} was changed by {by} after you had opened this form: your revision was not saved</source>
        <translation>la cible du {day} de {code} a été modifiée par {by} après que vous avez ouvert ce formulaire : votre révision n’a pas été enregistrée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the target of {day} of {code} was changed by someone else after you had opened this form: your revision was not saved</source>
        <translation>la cible du {day} de {code} a été modifiée par quelqu’un d’autre après que vous avez ouvert ce formulaire : votre révision n’a pas été enregistrée</translation>
    </message>
    <message>
        <location filename="../../services/measurements.py" line="+212"/>
        <source>was recorded meanwhile, then deleted: record it again</source>
        <translation>a été enregistrée entre-temps puis supprimée : enregistrez-la à nouveau</translation>
    </message>
    <message>
        <location filename="../../services/targets.py" line="+139"/>
        <source>was set meanwhile, then removed: set it again</source>
        <translation>a été fixée entre-temps puis supprimée : fixez-la à nouveau</translation>
    </message>
    <message>
        <location filename="../../services/pillars.py" line="+149"/>
        <source>program {reference} was deleted by {by} at {at}</source>
        <translation>le programme {reference} a été supprimé par {by} à {at}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>pillar {code} was deleted by {by} at {at}</source>
        <translation>le pilier {code} a été supprimé par {by} à {at}</translation>
    </message>
    <message>
        <location filename="../../services/undo.py" line="+126"/>
        <source>cannot be put back: its program {parent} was deleted by {by} at {at}</source>
        <translation>restauration impossible : son programme {parent} a été supprimé par {by} à {at}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be put back: its pillar {parent} was deleted by {by} at {at}</source>
        <translation>restauration impossible : son pilier {parent} a été supprimé par {by} à {at}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be put back: its initiative {parent} was deleted by {by} at {at}</source>
        <translation>restauration impossible : son initiative {parent} a été supprimée par {by} à {at}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be put back: its KPI {parent} was deleted by {by} at {at}</source>
        <translation>restauration impossible : son indicateur {parent} a été supprimé par {by} à {at}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be put back: its organization {parent} was deleted by {by} at {at}</source>
        <translation>restauration impossible : son organisme {parent} a été supprimé par {by} à {at}</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../db/database.py" line="+153"/>
        <source>{name} is open read only: another instance of Pilotage holds it</source>
        <translation>{name} est ouvert en lecture seule : une autre instance de Pilotage le détient</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>the server asks for the password of {user}: set PGPASSWORD, or put it in ~/.pgpass (pgpass.conf on Windows)</source>
        <translation>le serveur demande le mot de passe de {user} : définissez PGPASSWORD, ou inscrivez-le dans ~/.pgpass (pgpass.conf sous Windows)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server refused the password of {user} (or does not know this user): check the user and the password in the URL, PGPASSWORD or ~/.pgpass (pgpass.conf on Windows)</source>
        <translation>le serveur a refusé le mot de passe de {user} (ou ne connaît pas cet utilisateur) : vérifiez l’utilisateur et le mot de passe dans l’URL, PGPASSWORD ou ~/.pgpass (pgpass.conf sous Windows)</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="+194"/>
        <source>already used: another analyst created it meanwhile</source>
        <translation>déjà utilisé : un autre analyste l’a créé entre-temps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{value}” is already used: another analyst created it meanwhile</source>
        <translation>« {value} » est déjà utilisé : un autre analyste l’a créé entre-temps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>at most {limit} characters (the database refused a longer text)</source>
        <translation>au plus {limit} caractères (la base de données a refusé un texte plus long)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most {limit} characters (the database refused {length})</source>
        <translation>au plus {limit} caractères (la base de données en a refusé {length})</translation>
    </message>
    <message>
        <location filename="../../db/file_lock.py" line="+90"/>
        <source>{path} is held by another instance of Pilotage whose lock file cannot be read (being written, or damaged): try again in a moment, or open it read only; after {minutes} minutes without change the lock is taken over</source>
        <translation>{path} est détenu par une autre instance de Pilotage dont le fichier de verrou est illisible (en cours d’écriture, ou endommagé) : réessayez dans un instant, ou ouvrez-le en lecture seule ; après {minutes} minutes sans changement, le verrou est repris</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{path} is open in Pilotage on {host} (process {pid}, {user}, since {since}); open it read only, or close it there</source>
        <translation>{path} est ouvert dans Pilotage sur {host} (processus {pid}, {user}, depuis {since}) ; ouvrez-le en lecture seule, ou fermez-le là-bas</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>{path} cannot be locked for writing: {reason}</source>
        <translation>{path} ne peut pas être verrouillé pour l’écriture : {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path} cannot be locked: its lock file keeps changing</source>
        <translation>{path} ne peut pas être verrouillé : son fichier de verrou change sans cesse</translation>
    </message>
</context>
<context>
    <name>DatabaseAccess</name>
    <message>
        <location filename="../read_only.py" line="+118"/>
        <source>Another instance of Pilotage took this file over: close this window before changing anything</source>
        <translation>Une autre instance de Pilotage a repris ce fichier : fermez cette fenêtre avant de modifier quoi que ce soit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read only: another instance holds this file</source>
        <translation>Lecture seule : une autre instance détient ce fichier</translation>
    </message>
</context>
<context>
    <name>DisaggregationDialog</name>
    <message>
        <location filename="../dialogs/disaggregation_dialog.py" line="+196"/>
        <source>Disaggregations</source>
        <translation>Ventilations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breakdown</source>
        <translation>Répartition</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This period is validated and locked: set its status back to submitted (with a reason) to change its breakdown.</source>
        <translation>Cette période est validée et verrouillée : repassez-la au statut « Soumise » (avec un motif) pour modifier sa répartition.</translation>
    </message>
</context>
<context>
    <name>DisaggregationTable</name>
    <message>
        <location line="-152"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove row</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>line {number}</source>
        <translation>ligne {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{line}: value is not a number</source>
        <translation>{line} : la valeur n’est pas un nombre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{line}: value is required</source>
        <translation>{line} : la valeur est obligatoire</translation>
    </message>
</context>
<context>
    <name>EditContext</name>
    <message>
        <location filename="../undo/commands.py" line="+79"/>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{change}…</source>
        <translation>{change}…</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../../domain/engine.py" line="+78"/>
        <source>no measurement up to {date}</source>
        <translation>aucune mesure jusqu’au {date}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>baseline {value} (no baseline value, taken as 0)</source>
        <translation>valeur de référence {value} (aucune valeur de référence, prise égale à 0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>baseline {value}</source>
        <translation>valeur de référence {value}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>planned target for {period}: {value}</source>
        <translation>cible prévue pour {period} : {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revised target for {period} (revised on {date}: {reason}): {value}</source>
        <translation>cible révisée pour {period} (révisée le {date} : {reason}) : {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>revised target for {period} (revised on {date}): {value}</source>
        <translation>cible révisée pour {period} (révisée le {date}) : {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no target set</source>
        <translation>aucune cible définie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>final target (no baseline date to interpolate from): {final}</source>
        <translation>cible finale (pas de date de référence à partir de laquelle interpoler) : {final}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>final target (no target date to interpolate to): {final}</source>
        <translation>cible finale (pas de date de cible jusqu’à laquelle interpoler) : {final}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>final target, due {due}: {final}</source>
        <translation>cible finale, échéance le {due} : {final}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>yes/no: {baseline} until the target date {due}, then {final}: {value} on {date}</source>
        <translation>oui/non : {baseline} jusqu’à la date de la cible {due}, puis {final} : {value} au {date}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{baseline}: the as-of date {date} is before the baseline date {start}</source>
        <translation>{baseline} : la date d’arrêté {date} précède la date de référence {start}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>interpolated between {baseline} on {start} and target {final} on {due}: {value} on {date}</source>
        <translation>interpolée entre la {baseline} au {start} et la cible {final} au {due} : {value} au {date}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>({value} − {baseline}) / ({final} − {baseline}) = {share} (no baseline value, taken as 0)</source>
        <translation>({value} − {baseline}) / ({final} − {baseline}) = {share} (aucune valeur de référence, prise égale à 0)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no actual value</source>
        <translation>aucune valeur réalisée</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <source>no final target</source>
        <translation>aucune cible finale</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>final target equals the baseline ({final}): actual {actual} reaches it, so {share}</source>
        <translation>la cible finale est égale à la valeur de référence ({final}) : le réalisé {actual} l’atteint, donc {share}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>final target equals the baseline ({final}): actual {actual} does not reach it, so {share}</source>
        <translation>la cible finale est égale à la valeur de référence ({final}) : le réalisé {actual} ne l’atteint pas, donc {share}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no target to date</source>
        <translation>aucune cible à date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>final target equals the baseline: expected 100%</source>
        <translation>la cible finale est égale à la valeur de référence : attendu 100&#x202f;%</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not started: as-of date {date} is before the baseline date {start}</source>
        <translation>pas commencé : la date d’arrêté {date} précède la date de référence {start}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no data: {reason}</source>
        <translation>pas de données : {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>achieved: progress {progress} ≥ 100%</source>
        <translation>atteint : avancement {progress} ≥ 100&#x202f;%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>off track: progress {progress} &lt; {amber} × expected {expected} = {bar}</source>
        <translation>hors trajectoire : avancement {progress} &lt; {amber} × attendu {expected} = {bar}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>on track: progress {progress} ≥ {green} × expected {expected} = {bar}</source>
        <translation>en bonne voie : avancement {progress} ≥ {green} × attendu {expected} = {bar}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at risk: progress {progress} &lt; {green} × expected {expected} = {bar} but ≥ {amber} × expected = {amber_bar}</source>
        <translation>à risque : avancement {progress} &lt; {green} × attendu {expected} = {bar} mais ≥ {amber} × attendu = {amber_bar}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>no KPI has a progress value</source>
        <translation>aucun indicateur n’a de valeur d’avancement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mean of 1 progress value (each capped at 0–100%): {mean}</source>
        <translation>moyenne de 1 valeur d’avancement (chacune ramenée entre 0 et 100&#x202f;%) : {mean}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean of {count} progress values (each capped at 0–100%): {mean}</source>
        <translation>moyenne de {count} valeurs d’avancement (chacune ramenée entre 0 et 100&#x202f;%) : {mean}</translation>
    </message>
    <message>
        <location filename="../../domain/engine_trace.py" line="+61"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>latest value, period {period}: {value}</source>
        <translation>dernière valeur, période {period} : {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>maximum of 1 period: {value} (period {period})</source>
        <translation>maximum de 1 période : {value} (période {period})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum of {count} periods: {value} (period {period})</source>
        <translation>maximum de {count} périodes : {value} (période {period})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>average of 1 period ({period}): {value}</source>
        <translation>moyenne de 1 période ({period}) : {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sum of 1 period ({period}): {value}</source>
        <translation>somme de 1 période ({period}) : {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>average of {count} periods: {total} / {count} = {value}</source>
        <translation>moyenne de {count} périodes : {total} / {count} = {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sum of {count} periods = {value}</source>
        <translation>somme de {count} périodes = {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>average of {count} periods: ({terms}) / {count} = {value}</source>
        <translation>moyenne de {count} périodes : ({terms}) / {count} = {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sum of {count} periods: {terms} = {value}</source>
        <translation>somme de {count} périodes : {terms} = {value}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>latest ratio, period {period}: the denominator is zero, so there is no ratio</source>
        <translation>dernier ratio, période {period} : le dénominateur est nul, il n’y a donc pas de ratio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>latest ratio, period {period}: {formula} = {value}</source>
        <translation>dernier ratio, période {period} : {formula} = {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ratio of sums over 1 period: the denominators add up to zero, so there is no ratio</source>
        <translation>ratio des sommes sur 1 période : la somme des dénominateurs est nulle, il n’y a donc pas de ratio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ratio of sums over {count} periods: the denominators add up to zero, so there is no ratio</source>
        <translation>ratio des sommes sur {count} périodes : la somme des dénominateurs est nulle, il n’y a donc pas de ratio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ratio of sums over 1 period ({period}): {formula} = {value}</source>
        <translation>ratio des sommes sur 1 période ({period}) : {formula} = {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ratio of sums over {count} periods: {formula} = {value}</source>
        <translation>ratio des sommes sur {count} périodes : {formula} = {value}</translation>
    </message>
    <message>
        <location filename="../../domain/kpi_types.py" line="+97"/>
        <source>{status}. Actual: {actual}. Target: {target}.</source>
        <translation>{status}. Réalisé : {actual}. Cible : {target}.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../error_dialog.py" line="+60"/>
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
        <location line="+33"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../screenshots.py" line="+360"/>
        <source>The details were written to {path}.</source>
        <translation>Les détails ont été enregistrés dans {path}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../dialogs/export_dialog.py" line="+140"/>
        <source>&amp;Browse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Writing {name}…</source>
        <translation>Écriture de {name}…</translation>
    </message>
</context>
<context>
    <name>FileMenuMixin</name>
    <message>
        <location filename="../window_files.py" line="+52"/>
        <location line="+10"/>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+21"/>
        <location line="+76"/>
        <source>Pilotage databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de données Pilotage (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>{path} already exists: open it, or choose another name.</source>
        <translation>{path} existe déjà : ouvrez-le ou choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Opening {database}…</source>
        <translation>Ouverture de {database}…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Connecting to {database}…</source>
        <translation>Connexion à {database}…</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+35"/>
        <source>Backup copy written to {path}</source>
        <translation>Copie de sauvegarde enregistrée dans {path}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{path} could not be written or read: {reason}</source>
        <translation>{path} n&apos;a pas pu être écrit ou lu : {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
</context>
<context>
    <name>FlaggedKpisModel</name>
    <message>
        <location filename="../models/dashboard.py" line="+65"/>
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
    <name>FormDialog</name>
    <message>
        <location filename="../dialogs/form_dialog.py" line="+168"/>
        <source>Apply my values again</source>
        <translation>Réappliquer mes valeurs</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>is not a number</source>
        <translation>n’est pas un nombre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The form now shows the current values; what you typed is shown under each field that differs.</source>
        <translation>Le formulaire affiche maintenant les valeurs actuelles ; ce que vous aviez saisi apparaît sous chaque champ qui diffère.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The form now shows the current values, the same as you typed.</source>
        <translation>Le formulaire affiche maintenant les valeurs actuelles, identiques à ce que vous aviez saisi.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You typed: {value}</source>
        <translation>Vous aviez saisi : {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put it back</source>
        <translation>Remettre</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../formats.py" line="+40"/>
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
    <name>HeldFilePrompt</name>
    <message>
        <location filename="../read_only.py" line="-97"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is open in Pilotage on {host} (process {pid}, {user}, since {since}).</source>
        <translation>{path} est ouvert dans Pilotage sur {host} (processus {pid}, {user}, depuis {since}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is held by another instance of Pilotage whose lock file cannot be read (being written, or damaged).</source>
        <translation>{path} est détenu par une autre instance de Pilotage dont le fichier de verrou est illisible (en cours d’écriture, ou endommagé).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One instance at a time may change a file. Open it read only to look at it, or close it there first.</source>
        <translation>Une seule instance à la fois peut modifier un fichier. Ouvrez-le en lecture seule pour le consulter, ou fermez-le d’abord là-bas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open read only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../dialogs/history_dialog.py" line="+71"/>
        <source>History of {record}</source>
        <translation>Historique de {record}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a change to read it in full.</source>
        <translation>Sélectionnez une modification pour la lire en entier.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No change of this record is recorded.</source>
        <translation>Aucune modification de cet enregistrement n’est consignée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 change, the newest first.</source>
        <translation>1 modification, la plus récente en premier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} changes, the newest first.</source>
        <translation>{count} modifications, les plus récentes en premier.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reason: {reason}</source>
        <translation>Motif : {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The history could not be read: {reason}</source>
        <translation>L’historique n’a pas pu être lu : {reason}</translation>
    </message>
</context>
<context>
    <name>HistoryLauncher</name>
    <message>
        <location line="+12"/>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who changed the selected record, what and when</source>
        <translation>Qui a modifié l’enregistrement sélectionné, quoi et quand</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{kpi} measurement {period}</source>
        <translation>{kpi} mesure {period}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{kpi} target {period}</source>
        <translation>{kpi} cible {period}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../models/history_model.py" line="+33"/>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Target {period}</source>
        <translation>Cible {period}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measurement {period}</source>
        <translation>Mesure {period}</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../exchange/template_layout.py" line="+137"/>
        <source>“{item}” is not “dimension / category = value” (for example “sex / women = 400”)</source>
        <translation>« {item} » n’est pas de la forme « dimension / catégorie = valeur » (par exemple « sexe / femmes = 400 »)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“{typed}” in “{item}” is not a number</source>
        <translation>« {typed} » dans « {item} » n’est pas un nombre</translation>
    </message>
    <message>
        <location filename="../../exchange/template_headers.py" line="+46"/>
        <source>{sheet}: row {row} does not hold the template&apos;s headers (a row was deleted above the figures, or the sheet was replaced): fill a fresh copy of the template</source>
        <translation>{sheet} : la ligne {row} ne porte pas les en-têtes du modèle (une ligne a été supprimée au-dessus des chiffres, ou la feuille a été remplacée) : remplissez une copie neuve du modèle</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{sheet}: column {column} is “{typed}” where the template has “{header}”: a column was deleted, inserted or moved; fill a fresh copy of the template</source>
        <translation>{sheet} : la colonne {column} est « {typed} » là où le modèle a « {header} » : une colonne a été supprimée, insérée ou déplacée ; remplissez une copie neuve du modèle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{sheet}: column {column} is empty where the template has “{header}”: a column was deleted, inserted or moved; fill a fresh copy of the template</source>
        <translation>{sheet} : la colonne {column} est vide là où le modèle a « {header} » : une colonne a été supprimée, insérée ou déplacée ; remplissez une copie neuve du modèle</translation>
    </message>
    <message>
        <location filename="../../exchange/template_row_reader.py" line="+236"/>
        <source>is a formula: type the figure itself</source>
        <translation>est une formule : saisissez le chiffre lui-même</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>holds the error {error}: type the figure itself</source>
        <translation>contient l’erreur {error} : saisissez le chiffre lui-même</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the period&apos;s bounds (a hidden column) is empty: it was changed; copy the row again from the template as it was sent</source>
        <translation>les bornes de la période (une colonne masquée) sont vides : elles ont été modifiées ; recopiez la ligne depuis le modèle tel qu’il a été envoyé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the period&apos;s bounds (a hidden column) is “{typed}”, not a date: it was changed; copy the row again from the template as it was sent</source>
        <translation>les bornes de la période (une colonne masquée) valent « {typed} », pas une date : elles ont été modifiées ; recopiez la ligne depuis le modèle tel qu’il a été envoyé</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>is {typed}, not a number</source>
        <translation>vaut {typed}, pas un nombre</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>“{typed}” is ambiguous: the mark may separate thousands or decimals; type the number without thousands separators</source>
        <translation>« {typed} » est ambigu : le signe peut séparer les milliers ou les décimales ; saisissez le nombre sans séparateur de milliers</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>“{typed}” is not a number</source>
        <translation>« {typed} » n’est pas un nombre</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>row {row} was added: only the template&apos;s rows can be imported</source>
        <translation>la ligne {row} a été ajoutée : seules les lignes du modèle peuvent être importées</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the period shown is “{shown}” but the row&apos;s hidden period is {expected}: the row was changed; copy the row again from the template as it was sent</source>
        <translation>la période affichée est « {shown} » mais la période masquée de la ligne est {expected} : la ligne a été modifiée ; recopiez-la depuis le modèle tel qu&apos;il a été envoyé</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>only a one-off indicator&apos;s row takes a date reached: leave this cell empty</source>
        <translation>seule la ligne d&apos;un indicateur ponctuel prend une date d&apos;atteinte : laissez cette cellule vide</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>“{typed}” has more than {places} decimals: round it</source>
        <translation>« {typed} » a plus de {places} décimales : arrondissez-le</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot be read: {reason}</source>
        <translation>illisible : {reason}</translation>
    </message>
    <message>
        <location filename="../../exchange/template_values.py" line="+47"/>
        <source>the KPI&apos;s identifier (a hidden column) is empty: it was changed; copy the row again from the template as it was sent</source>
        <translation>l’identifiant de l’indicateur (une colonne masquée) est vide : il a été modifié ; recopiez la ligne depuis le modèle tel qu’il a été envoyé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the KPI&apos;s identifier (a hidden column) is “{typed}”, not a number: it was changed; copy the row again from the template as it was sent</source>
        <translation>l’identifiant de l’indicateur (une colonne masquée) vaut « {typed} », pas un nombre : il a été modifié ; recopiez la ligne depuis le modèle tel qu’il a été envoyé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the KPI&apos;s identifier (a hidden column) is “{typed}”: it was changed; copy the row again from the template as it was sent</source>
        <translation>l’identifiant de l’indicateur (une colonne masquée) vaut « {typed} » : il a été modifié ; recopiez la ligne depuis le modèle tel qu’il a été envoyé</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../services/import_validation.py" line="+350"/>
        <source>typed as a percentage ({typed} %): type the number itself</source>
        <translation>saisi en pourcentage ({typed} %) : saisissez le nombre lui-même</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{typed}” is text where a number is due</source>
        <translation>« {typed} » est du texte là où un nombre est attendu</translation>
    </message>
    <message>
        <location filename="../../services/import_matching.py" line="+99"/>
        <source>the KPI&apos;s identifier and code do not match: its hidden identifier is that of {named} ({name}), its code “{code}” that of another KPI of program {program}; copy the row again from the template as it was sent</source>
        <translation>l’identifiant et le code de l’indicateur ne concordent pas : son identifiant masqué est celui de {named} ({name}), son code « {code} » celui d’un autre indicateur du programme {program} ; recopiez la ligne depuis le modèle tel qu’il a été envoyé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the KPI&apos;s code changed in the database since the template was written: this row&apos;s hidden identifier is that of {named} ({name}), while its code “{code}” is now that of another KPI of program {program}; a new template is needed</source>
        <translation>le code de l’indicateur a changé dans la base depuis l’écriture du modèle : l’identifiant masqué de cette ligne est celui de {named} ({name}), alors que son code « {code} » est désormais celui d’un autre indicateur du programme {program} ; un nouveau modèle est nécessaire</translation>
    </message>
    <message>
        <location filename="../../services/import_validation.py" line="-196"/>
        <source>unknown KPI: “{code}” is not a KPI of program {program} in this database (or its hidden identifier was changed); copy the row again from the template as it was sent</source>
        <translation>indicateur inconnu : « {code} » n’est pas un indicateur du programme {program} dans cette base (ou son identifiant masqué a été modifié) ; recopiez la ligne depuis le modèle tel qu’il a été envoyé</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>{problem}: the split recorded earlier was kept (the cell was left empty); give the split of the new figure</source>
        <translation>{problem} : la ventilation enregistrée auparavant a été conservée (la cellule était vide) ; donnez la ventilation du nouveau chiffre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{problem}: they must add up to it</source>
        <translation>{problem} : leur somme doit l’égaler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{code} {period} is also in row {row}: give each KPI and period once</source>
        <translation>{code} {period} figure aussi à la ligne {row} : donnez chaque indicateur et période une seule fois</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{period} overlaps row {row} of the same KPI</source>
        <translation>{period} chevauche la ligne {row} du même indicateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{period} overlaps the measurement of {other} of this KPI: periods of a KPI must not overlap</source>
        <translation>{period} chevauche la mesure de {other} de cet indicateur : les périodes d’un indicateur ne doivent pas se chevaucher</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>period {period} is validated and locked (recorded: {recorded}): it cannot be changed by an import; ask for it to be unlocked first</source>
        <translation>la période {period} est validée et verrouillée (enregistré : {recorded}) : un import ne peut pas la modifier ; demandez d’abord qu’elle soit déverrouillée</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>“{typed}” is not an answer: type “{yes}” or “{no}” (a yes/no KPI)</source>
        <translation>« {typed} » n’est pas une réponse : saisissez « {yes} » ou « {no} » (un indicateur oui/non)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{typed}” is not an answer: choose “{yes}” or “{no}” in the cell&apos;s list (a yes/no KPI)</source>
        <translation>« {typed} » n’est pas une réponse : choisissez « {yes} » ou « {no} » dans la liste de la cellule (un indicateur oui/non)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>typed as a percentage ({typed} %): give its numerator and denominator (a ratio KPI)</source>
        <translation>saisi en pourcentage ({typed} %) : donnez son numérateur et son dénominateur (un indicateur ratio)</translation>
    </message>
    <message>
        <location filename="../../services/kpi_values.py" line="+53"/>
        <source>is too large: a KPI figure stays below 1,000,000,000 (a billion), so that sums over its periods stay exact; give larger amounts in thousands or millions (and say so in the unit)</source>
        <translation>est trop grand : un chiffre d’indicateur reste sous 1 000 000 000 (un milliard), pour que les sommes sur ses périodes restent exactes ; donnez les montants plus grands en milliers ou en millions (et dites-le dans l’unité)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>must not be negative: it is a count</source>
        <translation>ne doit pas être négatif : c’est un comptage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a whole number: it is a count</source>
        <translation>doit être un nombre entier : c’est un comptage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be between 0 and 100: it is a percentage</source>
        <translation>doit être compris entre 0 et 100 : c’est un pourcentage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be 0 (no) or 1 (yes)</source>
        <translation>doit valoir 0 (non) ou 1 (oui)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not be negative: a ratio is a fraction such as 0.734</source>
        <translation>ne doit pas être négatif : un ratio est une fraction telle que 0,734</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be at most 1: a share is stored as a fraction (0.734 for 73.4%)</source>
        <translation>doit valoir au plus 1 : une part est enregistrée en fraction (0,734 pour 73,4 %)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../services/validation.py" line="+31"/>
        <location line="+27"/>
        <location line="+30"/>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be the last day of a month for a monthly KPI (the month holding {day} ends on {end})</source>
        <translation>doit être le dernier jour d’un mois pour un indicateur mensuel (le mois contenant le {day} se termine le {end})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be the last day of a quarter for a quarterly KPI (the quarter holding {day} ends on {end})</source>
        <translation>doit être le dernier jour d’un trimestre pour un indicateur trimestriel (le trimestre contenant le {day} se termine le {end})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be the last day of a half-year for a half-yearly KPI (the half-year holding {day} ends on {end})</source>
        <translation>doit être le dernier jour d’un semestre pour un indicateur semestriel (le semestre contenant le {day} se termine le {end})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be the last day of a year for a yearly KPI (the year holding {day} ends on {end})</source>
        <translation>doit être le dernier jour d’une année pour un indicateur annuel (l’année contenant le {day} se termine le {end})</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>must not be before the start of the period</source>
        <translation>ne doit pas précéder le début de la période</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be the first day of a month: the KPI is reported per calendar month ({start} falls in the month starting {first})</source>
        <translation>doit être le premier jour d’un mois : l’indicateur est suivi par mois civil (le {start} tombe dans le mois commençant le {first})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be the first day of a quarter: the KPI is reported per calendar quarter ({start} falls in the quarter starting {first})</source>
        <translation>doit être le premier jour d’un trimestre : l’indicateur est suivi par trimestre civil (le {start} tombe dans le trimestre commençant le {first})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be the first day of a half-year: the KPI is reported per calendar half-year ({start} falls in the half-year starting {first})</source>
        <translation>doit être le premier jour d’un semestre : l’indicateur est suivi par semestre civil (le {start} tombe dans le semestre commençant le {first})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be the first day of a year: the KPI is reported per calendar year ({start} falls in the year starting {first})</source>
        <translation>doit être le premier jour d’une année : l’indicateur est suivi par année civile (le {start} tombe dans l’année commençant le {first})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be {last}, the last day of the month starting {start}: the KPI is reported per calendar month</source>
        <translation>doit être le {last}, dernier jour du mois commençant le {start} : l’indicateur est suivi par mois civil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be {last}, the last day of the quarter starting {start}: the KPI is reported per calendar quarter</source>
        <translation>doit être le {last}, dernier jour du trimestre commençant le {start} : l’indicateur est suivi par trimestre civil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be {last}, the last day of the half-year starting {start}: the KPI is reported per calendar half-year</source>
        <translation>doit être le {last}, dernier jour du semestre commençant le {start} : l’indicateur est suivi par semestre civil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be {last}, the last day of the year starting {start}: the KPI is reported per calendar year</source>
        <translation>doit être le {last}, dernier jour de l’année commençant le {start} : l’indicateur est suivi par année civile</translation>
    </message>
    <message>
        <location filename="../../services/measurement_validation.py" line="+117"/>
        <source>take {length} characters written out; at most {limit} fit: group the categories</source>
        <translation>occupent {length} caractères une fois écrites ; {limit} au plus tiennent : regroupez les catégories</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>must be empty for a ratio KPI: give the numerator and denominator</source>
        <translation>doit rester vide pour un indicateur ratio : donnez le numérateur et le dénominateur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be more than 0</source>
        <translation>doit être supérieur à 0</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must not exceed the denominator: a share cannot pass 100%</source>
        <translation>ne doit pas dépasser le dénominateur : une part ne peut pas dépasser 100 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be empty: only a ratio KPI has a numerator and denominator</source>
        <translation>doit rester vide : seul un indicateur ratio a un numérateur et un dénominateur</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>must be on one line, without control characters</source>
        <translation>doit tenir sur une ligne, sans caractère de contrôle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{scheme}: links are not accepted; give an http(s) address or a file path</source>
        <translation>les liens {scheme}: ne sont pas acceptés ; donnez une adresse http(s) ou un chemin de fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a whole web address, such as https://example.org/report.pdf</source>
        <translation>doit être une adresse web complète, telle que https://example.org/rapport.pdf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must name a file, such as file:///C:/reports/2024.pdf</source>
        <translation>doit nommer un fichier, tel que file:///C:/rapports/2024.pdf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be a web address (https://...), a file:// link or a file path</source>
        <translation>doit être une adresse web (https://...), un lien file:// ou un chemin de fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dimension</source>
        <translation>dimension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category</source>
        <translation>catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>line {number}</source>
        <translation>ligne {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{part}: {field} {problem}</source>
        <translation>{part} : {field} {problem}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{part} is given twice; each category of a dimension comes once</source>
        <translation>{part} est donnée deux fois ; chaque catégorie d’une dimension ne vient qu’une fois</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the {dimension} categories add up to {sum}, not to the total {total}</source>
        <translation>les catégories de {dimension} totalisent {sum}, et non le total {total}</translation>
    </message>
    <message>
        <location filename="../../services/program_check_rules.py" line="+47"/>
        <location filename="../../services/validation.py" line="-55"/>
        <source>is {length} characters long; at most {limit} fit</source>
        <translation>compte {length} caractères ; {limit} au plus tiennent</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{value} has more than {places} decimal places</source>
        <translation>{value} a plus de {places} décimales</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is too large</source>
        <translation>{value} est trop grand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} must be above 0</source>
        <translation>{value} doit être supérieur à 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} must be at least 0</source>
        <translation>{value} doit être supérieur ou égal à 0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{end} is before {start}</source>
        <translation>{end} est antérieur à {start}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>pillar {code} is not in the sheet pillars</source>
        <translation>le pilier {code} n’est pas dans la feuille pillars</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>initiative {code} is not in the sheet initiatives (under this pillar)</source>
        <translation>l’initiative {code} n’est pas dans la feuille initiatives (sous ce pilier)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no measurement of KPI {key} for this period in the sheet measurements</source>
        <translation>aucune mesure de l’indicateur {key} pour cette période dans la feuille measurements</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{organization} is not an organization of the sheet organizations</source>
        <translation>{organization} n’est pas une organisation de la feuille organizations</translation>
    </message>
    <message>
        <location filename="../../services/validation.py" line="+9"/>
        <source>may hold letters, digits and . - _ / only, without spaces</source>
        <translation>ne peut contenir que des lettres, des chiffres et . - _ /, sans espace</translation>
    </message>
    <message>
        <location filename="../../exchange/program_cells.py" line="+32"/>
        <source>{value} where a text is due</source>
        <translation>{value} là où un texte est attendu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{value} has a time of day; a date is due</source>
        <translation>{value} comporte une heure ; une date est attendue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} is not a date</source>
        <translation>{value} n’est pas une date</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{value} is not a date and time</source>
        <translation>{value} n’est pas une date avec heure</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{value} is not a whole number</source>
        <translation>{value} n’est pas un nombre entier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} is too large: a whole number of at most {largest} is due</source>
        <translation>{value} est trop grand : un nombre entier d’au plus {largest} est attendu</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+11"/>
        <location line="+2"/>
        <location filename="../../services/validation.py" line="+22"/>
        <source>{value} is not a number</source>
        <translation>{value} n’est pas un nombre</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{value} is not one of: {allowed}</source>
        <translation>{value} ne fait pas partie de : {allowed}</translation>
    </message>
    <message>
        <location filename="../../services/validation.py" line="+4"/>
        <source>must be a finite number</source>
        <translation>doit être un nombre fini</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has more than {places} decimal places</source>
        <translation>a plus de {places} décimales</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be at least {minimum}</source>
        <translation>doit valoir au moins {minimum}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is too large</source>
        <translation>est trop grand</translation>
    </message>
    <message>
        <location filename="../../exchange/error_copy.py" line="+91"/>
        <source>row {row}</source>
        <translation>ligne {row}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the copy with the problems marked cannot replace {name}: choose another name</source>
        <translation>la copie où les problèmes sont signalés ne peut pas remplacer {name} : choisissez un autre nom</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{problem} (hidden column {column})</source>
        <translation>{problem} (colonne masquée {column})</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell</source>
        <translation>Cellule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../exchange/file_checks.py" line="+71"/>
        <source>{name} is a folder, not an Excel workbook</source>
        <translation>{name} est un dossier, pas un classeur Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is {size}, larger than the {limit} a workbook may be: split it into smaller files</source>
        <translation>{name} fait {size}, plus que les {limit} autorisés pour un classeur : découpez-le en fichiers plus petits</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} is larger than the {limit} a workbook may be</source>
        <translation>{name} dépasse les {limit} autorisés pour un classeur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} is empty: ask for the file again</source>
        <translation>{name} est vide : demandez à nouveau le fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is in the old Excel format (.xls): open it in Excel, save it as an Excel workbook (.xlsx) and send it again</source>
        <translation>{name} est dans l’ancien format Excel (.xls) : ouvrez-le dans Excel, enregistrez-le comme classeur Excel (.xlsx) et renvoyez-le</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is a PDF document, not an Excel workbook (.xlsx)</source>
        <translation>{name} est un document PDF, pas un classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is an empty zip file, not an Excel workbook (.xlsx)</source>
        <translation>{name} est un fichier zip vide, pas un classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is a text file, not an Excel workbook (.xlsx): open it in Excel and save it as an Excel workbook</source>
        <translation>{name} est un fichier texte, pas un classeur Excel (.xlsx) : ouvrez-le dans Excel et enregistrez-le comme classeur Excel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} is not an Excel workbook (.xlsx)</source>
        <translation>{name} n’est pas un classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{name} holds {count} parts, far more than an Excel workbook of figures; it was not opened</source>
        <translation>{name} contient {count} parties, bien plus qu’un classeur Excel de chiffres ; il n’a pas été ouvert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} would expand to {size} when opened, more than the {limit} Pilotage reads; it was not opened</source>
        <translation>{name} occuperait {size} une fois ouvert, plus que les {limit} que Pilotage lit ; il n’a pas été ouvert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} holds a part ({part}) that would expand {ratio} times when opened, more than the {limit} times of a real workbook; it was not opened</source>
        <translation>{name} contient une partie ({part}) qui grossirait {ratio} fois à l’ouverture, plus que les {limit} fois d’un vrai classeur ; il n’a pas été ouvert</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{name} is a Word document, not an Excel workbook (.xlsx)</source>
        <translation>{name} est un document Word, pas un classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a PowerPoint presentation, not an Excel workbook (.xlsx)</source>
        <translation>{name} est une présentation PowerPoint, pas un classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is an OpenDocument file (.ods): save it as an Excel workbook (.xlsx) and send it again</source>
        <translation>{name} est un fichier OpenDocument (.ods) : enregistrez-le comme classeur Excel (.xlsx) et renvoyez-le</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is a zip file, not an Excel workbook (.xlsx)</source>
        <translation>{name} est un fichier zip, pas un classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} contains an XML entity declaration (in {part}), a known way to attack the programs that read it; it was not opened</source>
        <translation>{name} contient une déclaration d’entité XML (dans {part}), un moyen connu d’attaquer les programmes qui le lisent ; il n’a pas été ouvert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} has more than {limit} rows in sheet {sheet}: split it into smaller files</source>
        <translation>{name} a plus de {limit} lignes dans la feuille {sheet} : découpez-le en fichiers plus petits</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} has more than {limit} cells in sheet {sheet}: split it into smaller files</source>
        <translation>{name} a plus de {limit} cellules dans la feuille {sheet} : découpez-le en fichiers plus petits</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} is damaged: its part {part} is not valid XML ({error}); ask for the file again</source>
        <translation>{name} est endommagé : sa partie {part} n’est pas du XML valide ({error}) ; demandez à nouveau le fichier</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{name} is incomplete or damaged (it may have been cut short while being sent): ask for the file again</source>
        <translation>{name} est incomplet ou endommagé (il a peut-être été tronqué pendant l’envoi) : demandez à nouveau le fichier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} does not exist (or was moved)</source>
        <translation>{name} n’existe pas (ou a été déplacé)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} cannot be opened: {reason}</source>
        <translation>{name} ne peut pas être ouvert : {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is protected by a password: remove the password in Excel and send it again</source>
        <translation>{name} est protégé par un mot de passe : retirez le mot de passe dans Excel et renvoyez le fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{size} KB</source>
        <translation>{size} Ko</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <location filename="../../exchange/program_content.py" line="+219"/>
        <source>sheet {sheet}, row {row}, column {column}: {problem}</source>
        <translation>feuille {sheet}, ligne {row}, colonne {column} : {problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sheet {sheet}, row {row}: {problem}</source>
        <translation>feuille {sheet}, ligne {row} : {problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sheet {sheet}, column {column}: {problem}</source>
        <translation>feuille {sheet}, colonne {column} : {problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sheet {sheet}: {problem}</source>
        <translation>feuille {sheet} : {problem}</translation>
    </message>
    <message>
        <location filename="../../exchange/program_workbook_reading.py" line="+104"/>
        <source>the sheet is missing</source>
        <translation>la feuille manque</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the column is missing (its header is not in row 1)</source>
        <translation>la colonne manque (son en-tête n’est pas à la ligne 1)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a formula ({formula}) where a value is due</source>
        <translation>une formule ({formula}) là où une valeur est attendue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an error cell ({error}) where a value is due</source>
        <translation>une cellule d’erreur ({error}) là où une valeur est attendue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the sheet is damaged and cannot be read ({error})</source>
        <translation>la feuille est endommagée et ne peut pas être lue ({error})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this workbook was not written by Pilotage&apos;s program export</source>
        <translation>ce classeur n’a pas été produit par l’export de programme de Pilotage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this workbook is a data-collection template, not a program workbook</source>
        <translation>ce classeur est un modèle de collecte, pas un classeur de programme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this program workbook has layout version {version}; this Pilotage reads version {known} (export it again, or update Pilotage)</source>
        <translation>ce classeur de programme suit la version {version} de la mise en page ; ce Pilotage lit la version {known} (exportez-le à nouveau, ou mettez Pilotage à jour)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>one row is due under the header, with the program</source>
        <translation>une ligne est attendue sous l’en-tête, avec le programme</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>a KPI of the program has neither pillar nor initiative</source>
        <translation>un indicateur du programme n’a ni pilier ni initiative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a KPI of a pillar has its pillar&apos;s code and no initiative</source>
        <translation>un indicateur de pilier porte le code de son pilier et aucune initiative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a KPI of an initiative has its pillar&apos;s and initiative&apos;s codes</source>
        <translation>un indicateur d’initiative porte le code de son pilier et celui de son initiative</translation>
    </message>
    <message>
        <location filename="../../exchange/safe_reading.py" line="+59"/>
        <source>workbooks from outside cannot be read safely: the XML protection (the defusedxml package) is missing; reinstall Pilotage</source>
        <translation>les classeurs venus de l’extérieur ne peuvent pas être lus sans risque : la protection XML (le paquet defusedxml) manque ; réinstallez Pilotage</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{name} cannot be read as an Excel workbook: sheet {sheet} is damaged ({reason})</source>
        <translation>{name} ne peut pas être lu comme un classeur Excel : la feuille {sheet} est endommagée ({reason})</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>{name} contains an XML entity declaration, a known way to attack the programs that read it; it was not opened</source>
        <translation>{name} contient une déclaration d’entité XML, un moyen connu d’attaquer les programmes qui le lisent ; il n’a pas été ouvert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} cannot be read as an Excel workbook: {reason}</source>
        <translation>{name} ne peut pas être lu comme un classeur Excel : {reason}</translation>
    </message>
    <message>
        <location filename="../../exchange/template_dates.py" line="+39"/>
        <source>{day} is outside the program ({first} to {last}): give the day the result was reached, within the program</source>
        <translation>{day} est hors du programme (du {first} au {last}) : donnez le jour où le résultat a été atteint, dans le programme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{day} is in the future: give the day the result was reached</source>
        <translation>{day} est dans le futur : donnez le jour où le résultat a été atteint</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“{typed}” is not a date: type it as {example}, or choose the date again</source>
        <translation>« {typed} » n&apos;est pas une date : tapez-la sous la forme {example}, ou choisissez de nouveau la date</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{typed}” is not a date: type it as {example}</source>
        <translation>« {typed} » n&apos;est pas une date : tapez-la sous la forme {example}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{typed}” is ambiguous: the day or the month may come first; type it as {example}</source>
        <translation>« {typed} » est ambigu : le jour ou le mois peut venir en premier ; tapez-la sous la forme {example}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{typed}” is not a day of the calendar</source>
        <translation>« {typed} » n&apos;est pas un jour du calendrier</translation>
    </message>
    <message>
        <location filename="../../exchange/template_reading.py" line="+64"/>
        <source>{name} cannot be read: its hidden “pilotage” sheet is damaged</source>
        <translation>{name} ne peut pas être lu : sa feuille masquée « pilotage » est endommagée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this workbook is not a Pilotage data-collection template (write one with “pilotage template” and fill it in)</source>
        <translation>ce classeur n’est pas un modèle de collecte Pilotage (créez-en un avec « pilotage template » et remplissez-le)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>this template follows layout version {version}, which this Pilotage does not read (it reads versions {known}): write a new template</source>
        <translation>ce modèle suit la version {version} de la mise en page, que ce Pilotage ne lit pas (il lit les versions {known}) : créez un nouveau modèle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the template&apos;s data sheet “{sheet}” is missing: was it renamed or deleted?</source>
        <translation>la feuille de données « {sheet} » du modèle manque : a-t-elle été renommée ou supprimée ?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the template&apos;s data sheet “{sheet}” is not a sheet of cells (it was replaced, by a chart perhaps): fill a fresh copy of the template</source>
        <translation>la feuille de données « {sheet} » du modèle n’est pas une feuille de cellules (elle a été remplacée, par un graphique peut-être) : remplissez une nouvelle copie du modèle</translation>
    </message>
    <message>
        <location filename="../../services/import_matching.py" line="+47"/>
        <source>{code} is a one-off KPI, with one figure in all, but {count} figures are recorded for it ({periods}), none on {day}: which one this row corrects is not known; ask for the KPI&apos;s figures to be put right first</source>
        <translation>{code} est un indicateur ponctuel, qui n’a qu’un chiffre en tout, mais {count} chiffres sont enregistrés pour lui ({periods}), aucun le {day} : on ne sait pas lequel cette ligne corrige ; demandez d’abord que les chiffres de l’indicateur soient corrigés</translation>
    </message>
    <message>
        <location filename="../../services/import_records.py" line="+109"/>
        <source>this template is for program {program}, which this database does not hold</source>
        <translation>ce modèle est celui du programme {program}, que cette base ne contient pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this template is for program {program}, which this database does not hold (its hidden identifiers are those of program {other}&apos;s KPIs: if {program} was renamed {other}, write a new template from it)</source>
        <translation>ce modèle est celui du programme {program}, que cette base ne contient pas (ses identifiants masqués sont ceux des indicateurs du programme {other} : si {program} a été renommé {other}, créez un nouveau modèle à partir de ce programme)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>(none named)</source>
        <translation>(aucun nommé)</translation>
    </message>
    <message>
        <location filename="../../services/import_writing.py" line="+195"/>
        <source>a figure of this workbook was recorded by someone else while the import was being written: nothing was written; preview the workbook again</source>
        <translation>un chiffre de ce classeur a été enregistré par quelqu’un d’autre pendant l’écriture de l’import : rien n’a été écrit ; prévisualisez à nouveau le classeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a figure of this workbook was changed while the import was being written: nothing was written; preview the workbook again</source>
        <translation>un chiffre de ce classeur a été modifié pendant l’écriture de l’import : rien n’a été écrit ; prévisualisez à nouveau le classeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the figure of {code} {period} was changed by {by} at {at} while the import was being written: nothing was written; preview the workbook again</source>
        <translation>le chiffre de {code} {period} a été modifié par {by} le {at} pendant l’écriture de l’import : rien n’a été écrit ; prévisualisez à nouveau le classeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the figure of {code} {period} was changed by {by} while the import was being written: nothing was written; preview the workbook again</source>
        <translation>le chiffre de {code} {period} a été modifié par {by} pendant l’écriture de l’import : rien n’a été écrit ; prévisualisez à nouveau le classeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the figure of {code} {period} was changed at {at} while the import was being written: nothing was written; preview the workbook again</source>
        <translation>le chiffre de {code} {period} a été modifié le {at} pendant l’écriture de l’import : rien n’a été écrit ; prévisualisez à nouveau le classeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the figure of {code} {period} was changed while the import was being written: nothing was written; preview the workbook again</source>
        <translation>le chiffre de {code} {period} a été modifié pendant l’écriture de l’import : rien n’a été écrit ; prévisualisez à nouveau le classeur</translation>
    </message>
    <message>
        <location filename="../../services/measurement_import.py" line="+66"/>
        <source>{name} has changed since it was previewed: preview it again (nothing was written)</source>
        <translation>{name} a changé depuis son aperçu : prévisualisez-le à nouveau (rien n’a été écrit)</translation>
    </message>
    <message>
        <location filename="../../services/program_import_checks.py" line="+67"/>
        <source>organization {key} is already on row {row}</source>
        <translation>l’organisation {key} figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{year} is not a year</source>
        <translation>{year} n’est pas une année</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{organization} as {role} is already on row {row}</source>
        <translation>{organization} en tant que {role} figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pillar {code} is already on row {row}</source>
        <translation>le pilier {code} figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>position {position} is already on row {row}</source>
        <translation>la position {position} figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{position} is not a position (1, 2, 3…)</source>
        <translation>{position} n’est pas une position (1, 2, 3…)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>initiative {code} is already on row {row}</source>
        <translation>l’initiative {code} figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the year {year} of this initiative is already on row {row}</source>
        <translation>l’année {year} de cette initiative figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{year} is not a year between 1900 and 2200</source>
        <translation>{year} n’est pas une année entre 1900 et 2200</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>KPI {key} is already on row {row}</source>
        <translation>l’indicateur {key} figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{amber} is above green ({green})</source>
        <translation>{amber} est au-dessus du seuil vert ({green})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>KPI {key} is not in the sheet kpis</source>
        <translation>l’indicateur {key} n’est pas dans la feuille kpis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>revision {revision} of this KPI and period is already on row {row}</source>
        <translation>la révision {revision} de cet indicateur et de cette période figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{revision}: 0 is the original, 1 its revision…</source>
        <translation>{revision} : 0 est l’original, 1 sa révision…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a revision (1, 2…) has a date; the original none</source>
        <translation>une révision (1, 2…) a une date ; l’original n’en a pas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this KPI and period is already on row {row}</source>
        <translation>cet indicateur et cette période figurent déjà à la ligne {row}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>a value, or a numerator and a denominator, is due</source>
        <translation>une valeur, ou un numérateur et un dénominateur, est attendue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{dimension} / {category} of this measurement is already on row {row}</source>
        <translation>{dimension} / {category} de cette mesure figure déjà à la ligne {row}</translation>
    </message>
    <message>
        <location filename="../../services/program_import_writing.py" line="+98"/>
        <source>organization {key} is already in this database with another {fields}: kept as it is here, the workbook&apos;s ignored</source>
        <translation>l’organisation {key} est déjà dans cette base avec d’autres valeurs de {fields} : elle est conservée telle quelle, celles du classeur sont ignorées</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>organizations already here, reused: {keys}</source>
        <translation>organisations déjà présentes, réutilisées : {keys}</translation>
    </message>
    <message>
        <location filename="../../services/program_transfer.py" line="+95"/>
        <source>the program workbook was not imported: {problems} (and {count} more problems)</source>
        <translation>le classeur de programme n’a pas été importé : {problems} (et {count} autres problèmes)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the program workbook was not imported: {problems} (and 1 more problem)</source>
        <translation>le classeur de programme n’a pas été importé : {problems} (et 1 autre problème)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the program workbook was not imported: {problems}</source>
        <translation>le classeur de programme n’a pas été importé : {problems}</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>program {reference} is already in {database}; nothing was imported (delete it there first, or import into another database)</source>
        <translation>le programme {reference} est déjà dans {database} ; rien n’a été importé (supprimez-le d’abord de cette base, ou importez dans une autre base)</translation>
    </message>
    <message>
        <location filename="../../services/templates.py" line="+110"/>
        <source>the range of periods starts on {start}, after its end on {end}</source>
        <translation>la plage de périodes commence le {start}, après sa fin le {end}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>initiative {initiative} is not one of program {program}&apos;s</source>
        <translation>l’initiative {initiative} n’est pas une initiative du programme {program}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no initiative was chosen: choose one at least</source>
        <translation>aucune initiative n’a été choisie : choisissez-en au moins une</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no KPI of {owners} has a period due ending from {start} to {end} (the program runs from {program_start} to {program_end}): there is nothing to collect</source>
        <translation>aucun indicateur de {owners} n’a de période due se terminant entre le {start} et le {end} (le programme court du {program_start} au {program_end}) : il n’y a rien à collecter</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>the template would have {count} rows (at most {limit}): choose a shorter range of periods or fewer initiatives</source>
        <translation>le modèle aurait {count} lignes (au plus {limit}) : choisissez une plage de périodes plus courte ou moins d’initiatives</translation>
    </message>
    <message>
        <location filename="../../services/pillars.py" line="+120"/>
        <source>must be a list of (pillar id, position seen) pairs, not {value}</source>
        <translation>doit être une liste de paires (identifiant du pilier, position vue), et non {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line {number}: must be a pillar id and the position it was seen at (whole numbers), not {value}</source>
        <translation>ligne {number} : doit être un identifiant de pilier et la position à laquelle il était affiché (nombres entiers), et non {value}</translation>
    </message>
</context>
<context>
    <name>ImportAction</name>
    <message>
        <location filename="../import_runner.py" line="+65"/>
        <source>&amp;Import workbook…</source>
        <translation>&amp;Importer un classeur…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Import workbook</source>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Classeurs Excel (*.xlsx *.xlsm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The import of {name} was cancelled: nothing was written, the database is as it was.</source>
        <translation>L’import de {name} a été annulé : rien n’a été écrit, la base de données est restée telle quelle.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{name} is neither a data-collection template nor a program workbook made by Pilotage.</source>
        <translation>{name} n&apos;est ni un modèle de collecte ni un classeur de programme produit par Pilotage.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{count} pillars</source>
        <translation>{count} axes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} initiatives</source>
        <translation>{count} initiatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} KPIs</source>
        <translation>{count} indicateurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} measurements</source>
        <translation>{count} mesures</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import program {reference}: {counts}?</source>
        <translation>Importer le programme {reference} : {counts} ?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Importing {name}…</source>
        <translation>Import de {name}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Program {reference} was imported.</source>
        <translation>Le programme {reference} a été importé.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../dialogs/import_dialog.py" line="+56"/>
        <source>Import measurements</source>
        <translation>Importer des mesures</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{file} · program {program}</source>
        <translation>{file} · programme {program}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show only the &amp;rejected rows</source>
        <translation>N&apos;afficher que les lignes &amp;rejetées</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply &amp;valid rows</source>
        <translation>Appliquer les lignes &amp;valides</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save errors copy…</source>
        <translation>&amp;Enregistrer une copie annotée…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{new} nouvelles, {changed} modifiées, {unchanged} inchangées, {rejected} rejetées</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rejected rows are in red with their reasons. Apply the valid rows only, or save a copy of the workbook with the errors marked, to send back.</source>
        <translation>Les lignes rejetées sont en rouge avec leurs motifs. Appliquez seulement les lignes valides, ou enregistrez une copie du classeur où les erreurs sont signalées, à renvoyer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every row with a figure is rejected: nothing can be applied. Save a copy of the workbook with the errors marked, to send back.</source>
        <translation>Toutes les lignes chiffrées sont rejetées : rien ne peut être appliqué. Enregistrez une copie du classeur où les erreurs sont signalées, à renvoyer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply writes the new and changed figures, all in one go.</source>
        <translation>Appliquer enregistre les chiffres nouveaux et modifiés, tous en une fois.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file changes nothing: every figure in it is already recorded.</source>
        <translation>Ce fichier ne change rien : tous ses chiffres sont déjà enregistrés.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a rejected row to read its reasons in full.</source>
        <translation>Sélectionnez une ligne rejetée pour lire ses motifs en entier.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Recording the figures of {name}…</source>
        <translation>Enregistrement des chiffres de {name}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+24"/>
        <source>Save errors copy</source>
        <translation>Enregistrer une copie annotée</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing {name}…</source>
        <translation>Écriture de {name}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The copy with the errors marked was written to {path}.</source>
        <translation>La copie où les erreurs sont signalées a été écrite dans {path}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open the copy</source>
        <translation>&amp;Ouvrir la copie</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>1 measurement recorded</source>
        <translation>1 mesure enregistrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} measurements recorded</source>
        <translation>{count} mesures enregistrées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{recorded}, {changed} changed.</source>
        <translation>{recorded}, {changed} modifiées.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 rejected row was left out.</source>
        <translation>1 ligne rejetée a été laissée de côté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} rejected rows were left out.</source>
        <translation>{count} lignes rejetées ont été laissées de côté.</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../models/import_rows_model.py" line="+54"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Inchangée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cell</source>
        <translation>Cellule</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What happens</source>
        <translation>Effet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In the file</source>
        <translation>Dans le fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
</context>
<context>
    <name>InitiativeDialog</name>
    <message>
        <location filename="../dialogs/initiative_dialog.py" line="+42"/>
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
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lead organization</source>
        <translation>Organisme porteur</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
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
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned budget</source>
        <translation>Budget prévisionnel</translation>
    </message>
</context>
<context>
    <name>InitiativePage</name>
    <message>
        <location filename="../pages/initiative_page.py" line="+61"/>
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
        <location line="+31"/>
        <source>Initiative · {path} · as of {day}</source>
        <translation>Initiative · {path} · au {day}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
</context>
<context>
    <name>InitiativesModel</name>
    <message>
        <location filename="../models/tables.py" line="-146"/>
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
        <location line="+2"/>
        <source>KPIs</source>
        <translation>Indicateurs (KPI)</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <name>Jobs</name>
    <message>
        <location filename="../jobs.py" line="+40"/>
        <source>{path} could not be written: {reason}</source>
        <translation>{path} n&apos;a pas pu être écrit : {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be read: {reason}</source>
        <translation>{path} n&apos;a pas pu être lu : {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>KpiChart</name>
    <message>
        <location filename="../charts.py" line="+92"/>
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
        <location line="+58"/>
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
    <name>KpiDialog</name>
    <message>
        <location filename="../dialogs/kpi_dialog.py" line="+71"/>
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
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aggregation</source>
        <translation>Agrégation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frequency</source>
        <translation>Périodicité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Baseline</source>
        <translation>Valeur de référence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baseline date</source>
        <translation>Date de référence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target date</source>
        <translation>Date de la cible</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Green from (% of the expected pace)</source>
        <translation>Vert à partir de (% du rythme attendu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: 90</source>
        <translation>par défaut : 90</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amber from (% of the expected pace)</source>
        <translation>Orange à partir de (% du rythme attendu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default: 70</source>
        <translation>par défaut : 70</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Data source</source>
        <translation>Source des données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Responsible organization</source>
        <translation>Organisme responsable</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Means of verification</source>
        <translation>Moyens de vérification</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>must be above 0 and at most 100</source>
        <translation>doit être supérieur à 0 et au plus égal à 100</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>has more than 2 decimal places</source>
        <translation>comporte plus de 2 décimales</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must not be above the green threshold</source>
        <translation>ne doit pas dépasser le seuil vert</translation>
    </message>
</context>
<context>
    <name>KpiPage</name>
    <message>
        <location filename="../pages/kpi_page.py" line="+48"/>
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
        <location filename="../dialogs/kpi_dialog.py" line="-143"/>
        <location filename="../pages/kpi_page.py" line="+1"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location filename="../pages/kpi_page.py" line="+1"/>
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
        <location filename="../dialogs/kpi_dialog.py" line="+2"/>
        <location filename="../pages/kpi_page.py" line="+1"/>
        <source>Baseline</source>
        <translation>Valeur de référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../pages/kpi_page.py" line="+1"/>
        <source>Final target</source>
        <translation>Cible finale</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../pages/kpi_page.py" line="+1"/>
        <source>Thresholds</source>
        <translation>Seuils</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../pages/kpi_page.py" line="+19"/>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <location filename="../pages/kpi_page.py" line="+10"/>
        <source>Actual against target</source>
        <translation>Réalisé par rapport à la cible</translation>
    </message>
    <message>
        <location filename="../dialogs/kpi_dialog.py" line="+5"/>
        <location filename="../pages/kpi_page.py" line="+5"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../pages/kpi_page.py" line="+2"/>
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
        <location line="+35"/>
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
        <location line="+13"/>
        <source>Actual against target{unit}</source>
        <translation>Réalisé par rapport à la cible{unit}</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="+9"/>
        <source>Target to date</source>
        <translation>Cible à date</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="+23"/>
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
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public institution</source>
        <translation>Établissement public</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incubator</source>
        <translation>Incubateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
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
        <location filename="../models/dashboard.py" line="-37"/>
        <source>Initiative</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Milestone</source>
        <translation>Jalon</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Days late</source>
        <translation>Jours de retard</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+103"/>
        <source>Search by code or name</source>
        <translation>Rechercher par code ou par nom</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{database} — Pilotage</source>
        <translation>{database} — Pilotage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} (read only)</source>
        <translation>{title} (lecture seule)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+14"/>
        <source>The portfolio could not be loaded: {error}</source>
        <translation>Le portefeuille n’a pas pu être chargé : {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No match</source>
        <translation>Aucune correspondance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} matches; the first {shown} shown — refine the search</source>
        <translation>{count} correspondances ; les {shown} premières sont affichées — affinez la recherche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 match</source>
        <translation>1 correspondance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} matches</source>
        <translation>{count} correspondances</translation>
    </message>
</context>
<context>
    <name>MeasurementDialog</name>
    <message>
        <location filename="../dialogs/measurement_dialog.py" line="+50"/>
        <source>Add a measurement</source>
        <translation>Ajouter une mesure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period start</source>
        <translation>Début de période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period end</source>
        <translation>Fin de période</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+4"/>
        <source>Disaggregations</source>
        <translation>Ventilations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence (link or file)</source>
        <translation>Justificatif (lien ou fichier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://… or a file path</source>
        <translation>https://… ou chemin d’un fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
</context>
<context>
    <name>MeasurementsModel</name>
    <message>
        <location filename="../models/measurements_model.py" line="+66"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Numerator</source>
        <translation>Numérateur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Denominator</source>
        <translation>Dénominateur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disaggregations</source>
        <translation>Ventilations</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Entered by</source>
        <translation>Saisi par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Validated: this period is locked. Set its status back to submitted (with a reason) to change it.</source>
        <translation>Validée : cette période est verrouillée. Repassez-la au statut « Soumise » (avec un motif) pour la modifier.</translation>
    </message>
</context>
<context>
    <name>MeasurementsSection</name>
    <message>
        <location filename="../pages/measurements_section.py" line="+84"/>
        <source>Double-click or press F2 to edit a cell; Delete to delete a period</source>
        <translation>Double-cliquez ou appuyez sur F2 pour modifier une cellule ; Suppr pour supprimer une période</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add measurement…</source>
        <translation>Ajouter une mesure…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disaggregations…</source>
        <translation>Ventilations…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete measurement…</source>
        <translation>Supprimer la mesure…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Measurements{unit}: {count}</source>
        <translation>Mesures{unit} : {count}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{period} · {field}: {message}</source>
        <translation>{period} · {field} : {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{period}: {message}</source>
        <translation>{period} : {message}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The table shows the current values; you had typed {value} in {field}.</source>
        <translation>Le tableau affiche les valeurs actuelles ; vous aviez saisi {value} dans {field}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(nothing)</source>
        <translation>(rien)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The table shows the current values.</source>
        <translation>Le tableau affiche les valeurs actuelles.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>is not a number</source>
        <translation>n’est pas un nombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit {field} of {period} of {kpi}</source>
        <translation>Modification de « {field} » pour {period} de {kpi}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Set {period} of {kpi} to {status}</source>
        <translation>Passage de {period} de {kpi} au statut {status}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo of a status change in the window</source>
        <translation>Annulation d’un changement de statut dans la fenêtre</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>is validated and locked: set its status back to submitted (with a reason) to change it</source>
        <translation>est validée et verrouillée : repassez-la au statut « Soumise » (avec un motif) pour la modifier</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add measurement {period} to {kpi}</source>
        <translation>Ajout de la mesure {period} à {kpi}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Edit disaggregations of {period} of {kpi}</source>
        <translation>Modification des ventilations de {period} de {kpi}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{kpi} · {period} · total {total}</source>
        <translation>{kpi} · {period} · total {total}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Delete a measurement</source>
        <translation>Supprimer une mesure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the measurement of {period} of {kpi}?</source>
        <translation>Supprimer la mesure de la période {period} de {kpi} ?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete measurement {period} of {kpi}</source>
        <translation>Suppression de la mesure {period} de {kpi}</translation>
    </message>
</context>
<context>
    <name>MenusMixin</name>
    <message>
        <location filename="../window_menus.py" line="+43"/>
        <location line="+3"/>
        <source>As of</source>
        <translation>Date d’arrêté</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+10"/>
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
        <source>Connect to &amp;server…</source>
        <translation>Se connecter à un ser&amp;veur…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir une base &amp;récente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a &amp;backup copy…</source>
        <translation>Enregistrer une copie de &amp;sauvegarde…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in navigator</source>
        <translation>&amp;Rechercher dans le navigateur</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Organizations…</source>
        <translation>&amp;Organismes…</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <location filename="../dialogs/milestone_dialog.py" line="+28"/>
        <source>Add a milestone</source>
        <translation>Ajouter un jalon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit a milestone</source>
        <translation>Modifier un jalon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done on</source>
        <translation>Réalisé le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick when the milestone is reached</source>
        <translation>Cochez lorsque le jalon est atteint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MilestonesModel</name>
    <message>
        <location filename="../models/tables.py" line="+21"/>
        <source>Milestone</source>
        <translation>Jalon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+30"/>
        <source>Done</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Done on {day}, after the as-of date</source>
        <translation>Réalisé le {day}, après la date d’arrêté</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
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
    <name>MilestonesSection</name>
    <message>
        <location filename="../pages/milestones_section.py" line="+28"/>
        <source>Milestones</source>
        <translation>Jalons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a milestone…</source>
        <translation>Ajouter un jalon…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the milestone…</source>
        <translation>Modifier le jalon…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the milestone…</source>
        <translation>Supprimer le jalon…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add milestone {title} to {code}</source>
        <translation>Ajout du jalon « {title} » à {code}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Edit milestone {title} of {code}</source>
        <translation>Modification du jalon « {title} » de {code}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete milestone {title} of {code}</source>
        <translation>Suppression du jalon « {title} » de {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete a milestone</source>
        <translation>Supprimer un jalon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the milestone {title} of {code}?</source>
        <translation>Supprimer le jalon « {title} » de {code} ?</translation>
    </message>
</context>
<context>
    <name>MoveToPillarDialog</name>
    <message>
        <location filename="../dialogs/move_dialog.py" line="+23"/>
        <source>Pillar</source>
        <translation>Pilier</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../models/navigator_model.py" line="+336"/>
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
    <name>OrganizationDialog</name>
    <message>
        <location filename="../dialogs/organization_dialog.py" line="+26"/>
        <source>Add an organization</source>
        <translation>Ajouter un organisme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit an organization</source>
        <translation>Modifier un organisme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Founded in</source>
        <translation>Année de création</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>OrganizationsDialog</name>
    <message>
        <location filename="../dialogs/organizations_dialog.py" line="+53"/>
        <source>Organizations</source>
        <translation>Organismes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The ministries, agencies, companies and associations that programs, initiatives and KPIs refer to.</source>
        <translation>Les ministères, agences, entreprises et associations auxquels se rattachent les programmes, les initiatives et les indicateurs.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Double-click or press Enter to edit; Delete to delete</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour modifier ; Suppr pour supprimer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Add an organization…</source>
        <translation>Ajouter un organisme…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit the organization…</source>
        <translation>Modifier l’organisme…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete the organization…</source>
        <translation>Supprimer l’organisme…</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+58"/>
        <source>Add organization {name}</source>
        <translation>Ajout de l’organisme {name}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit organization {name}</source>
        <translation>Modification de l’organisme {name}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Delete an organization</source>
        <translation>Supprimer un organisme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the organization {name}?</source>
        <translation>Supprimer l’organisme {name} ?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete organization {name}</source>
        <translation>Suppression de l’organisme {name}</translation>
    </message>
</context>
<context>
    <name>OrganizationsModel</name>
    <message>
        <location filename="../models/organizations_model.py" line="+22"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Founded</source>
        <translation>Création</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../pages/base.py" line="+125"/>
        <source>This page could not be loaded: {error}</source>
        <translation>Cette page n’a pas pu être chargée : {error}</translation>
    </message>
</context>
<context>
    <name>PartiesModel</name>
    <message>
        <location filename="../models/tables.py" line="-172"/>
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
        <translation>Fonction</translation>
    </message>
</context>
<context>
    <name>PartiesSection</name>
    <message>
        <location filename="../pages/parties_section.py" line="+31"/>
        <source>Parties and signatories</source>
        <translation>Parties et signataires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a party…</source>
        <translation>Ajouter une partie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the party and its signatory…</source>
        <translation>Modifier la partie et son signataire…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the party from the program…</source>
        <translation>Retirer la partie du programme…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Add party {organization} to {reference}</source>
        <translation>Ajout de la partie {organization} à {reference}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Edit party {organization} of {reference}</source>
        <translation>Modification de la partie {organization} de {reference}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove party {organization} from {reference}</source>
        <translation>Retrait de la partie {organization} de {reference}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove a party</source>
        <translation>Retirer une partie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove {organization} ({role}) from {reference}? The organization stays.</source>
        <translation>Retirer {organization} ({role}) de {reference} ? L’organisme est conservé.</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../dialogs/party_dialog.py" line="+29"/>
        <source>Add a party</source>
        <translation>Ajouter une partie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit a party</source>
        <translation>Modifier une partie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organization</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signatory&apos;s title</source>
        <translation>Fonction du signataire</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>add an organization first (Edit menu)</source>
        <translation>ajoutez d’abord un organisme (menu Édition)</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <location filename="../dialogs/server_dialog.py" line="+259"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password of {user} on {server}:</source>
        <translation>Le mot de passe de {user} sur {server} :</translation>
    </message>
</context>
<context>
    <name>PillarDialog</name>
    <message>
        <location filename="../dialogs/pillar_dialog.py" line="+25"/>
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
        <source>Objective</source>
        <translation>Objectif</translation>
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
    <name>PillarProgressChart</name>
    <message>
        <location filename="../pillar_chart.py" line="+94"/>
        <source>Mean progress of the KPIs</source>
        <translation>Avancement moyen des indicateurs</translation>
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
        <location line="+2"/>
        <source>Initiatives</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KPIs</source>
        <translation>Indicateurs (KPI)</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <name>PreferencesAction</name>
    <message>
        <location filename="../dialogs/preferences_dialog.py" line="+116"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location line="-74"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The new language applies the next time Pilotage starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Pilotage.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Written in the history of every change you make. Left empty: your session name, {user}.</source>
        <translation>Inscrit dans l’historique de chacune de vos modifications. Laissé vide : votre nom de session, {user}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name</source>
        <translation>Votre &amp;nom</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <location filename="../dialogs/program_dialog.py" line="+33"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed on</source>
        <translation>Signé le</translation>
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
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total budget</source>
        <translation>Budget total</translation>
    </message>
</context>
<context>
    <name>ProgramExportAction</name>
    <message>
        <location filename="../dialogs/program_export_dialog.py" line="+80"/>
        <source>Export &amp;program workbook…</source>
        <translation>Exporter le classeur d&apos;un &amp;programme…</translation>
    </message>
</context>
<context>
    <name>ProgramExportDialog</name>
    <message>
        <location line="-47"/>
        <source>Export program workbook</source>
        <translation>Exporter le classeur d&apos;un programme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Program</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the program to export.</source>
        <translation>Choisissez le programme à exporter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the file to write the program to.</source>
        <translation>Choisissez le fichier où écrire le programme.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Program {reference} was written to {path}.</source>
        <translation>Le programme {reference} a été écrit dans {path}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open the workbook</source>
        <translation>&amp;Ouvrir le classeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kpis} KPIs, {measurements} measurements.</source>
        <translation>{kpis} indicateurs, {measurements} mesures.</translation>
    </message>
</context>
<context>
    <name>ProgramPage</name>
    <message>
        <location filename="../pages/program_page.py" line="+74"/>
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
        <location line="+9"/>
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
        <location line="+21"/>
        <source>Contract-program · as of {day}</source>
        <translation>Contrat-programme · au {day}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>KPIs with quality flags: {count}</source>
        <translation>Indicateurs avec alertes qualité : {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Late milestones</source>
        <translation>Jalons en retard</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Late milestones: {count}</source>
        <translation>Jalons en retard : {count}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../dialogs/reason_dialog.py" line="+23"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../editing/record_actions.py" line="+59"/>
        <source>New &amp;program…</source>
        <translation>Nouveau pro&amp;gramme…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a contract-program</source>
        <translation>Ajouter un contrat-programme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New p&amp;illar…</source>
        <translation>Nouveau pi&amp;lier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a pillar to the selected program</source>
        <translation>Ajouter un pilier au programme sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New i&amp;nitiative…</source>
        <translation>Nouvelle &amp;initiative…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an initiative to the selected pillar</source>
        <translation>Ajouter une initiative au pilier sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;KPI…</source>
        <translation>Nouvel indi&amp;cateur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a KPI to the selected program, pillar or initiative</source>
        <translation>Ajouter un indicateur à l’élément sélectionné (programme, pilier ou initiative)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the selected item</source>
        <translation>Modifier l’élément sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected item and what it holds</source>
        <translation>Supprimer l’élément sélectionné et tout son contenu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move &amp;up</source>
        <translation>Mo&amp;nter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected pillar up</source>
        <translation>Déplacer le pilier sélectionné vers le haut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+Up</source>
        <translation>Ctrl+Shift+Up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected pillar down</source>
        <translation>Déplacer le pilier sélectionné vers le bas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+Down</source>
        <translation>Ctrl+Shift+Down</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move to &amp;pillar…</source>
        <translation>Déplacer dans un au&amp;tre pilier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected initiative to another pillar</source>
        <translation>Déplacer l’initiative sélectionnée dans un autre pilier</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a program, pillar, initiative or KPI</source>
        <translation>Ajouter un programme, un pilier, une initiative ou un indicateur</translation>
    </message>
</context>
<context>
    <name>RecordForms</name>
    <message>
        <location filename="../editing/record_forms.py" line="+70"/>
        <source>New program {reference}</source>
        <translation>Création du programme {reference}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New program</source>
        <translation>Nouveau programme</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New pillar {code}</source>
        <translation>Création du pilier {code}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>In program {program}</source>
        <translation>Dans le programme {program}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New pillar</source>
        <translation>Nouveau pilier</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New initiative {code}</source>
        <translation>Création de l’initiative {code}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>In pillar {pillar}</source>
        <translation>Dans le pilier {pillar}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New initiative</source>
        <translation>Nouvelle initiative</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New KPI {code}</source>
        <translation>Création de l’indicateur {code}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>KPI of {owner}</source>
        <translation>Indicateur de {owner}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New KPI</source>
        <translation>Nouvel indicateur</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit program {reference}</source>
        <translation>Modification du programme {reference}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit pillar {code}</source>
        <translation>Modification du pilier {code}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit initiative {code}</source>
        <translation>Modification de l’initiative {code}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Edit KPI {code}</source>
        <translation>Modification de l’indicateur {code}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Organizations</source>
        <translation>Organismes</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <location filename="../pages/record_section.py" line="+55"/>
        <source>Double-click or press Enter to edit; Delete to delete</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour modifier ; Suppr pour supprimer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Nothing can be changed now</source>
        <translation>Aucune modification n’est possible pour le moment</translation>
    </message>
</context>
<context>
    <name>ReportAction</name>
    <message>
        <location filename="../dialogs/report_dialog.py" line="+167"/>
        <source>&amp;Export report…</source>
        <translation>E&amp;xporter un rapport…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location line="-93"/>
        <source>Export report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Program report</source>
        <translation>Rapport du programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portfolio report</source>
        <translation>Rapport du portefeuille</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Report</source>
        <translation>&amp;Rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Program</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;As of</source>
        <translation>&amp;Date d&apos;arrêté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the file to write the report to.</source>
        <translation>Choisissez le fichier où écrire le rapport.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the program to report on.</source>
        <translation>Choisissez le programme du rapport.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The report was written to {path}.</source>
        <translation>Le rapport a été écrit dans {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the report</source>
        <translation>&amp;Ouvrir le rapport</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The report was cancelled: {path} was not written.</source>
        <translation>Le rapport a été annulé : {path} n&apos;a pas été écrit.</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <location filename="../dialogs/target_dialog.py" line="+90"/>
        <source>Revise a target</source>
        <translation>Réviser une cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revised on</source>
        <translation>Révisé le</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../dialogs/server_dialog.py" line="-207"/>
        <source>No PostgreSQL server answers at {host}, port {port}: check the host and the port, and that the server is running.</source>
        <translation>Aucun serveur PostgreSQL ne répond sur {host}, port {port} : vérifiez l’hôte et le port, et que le serveur est démarré.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server asks for the password of {user}: type it in.</source>
        <translation>Le serveur demande le mot de passe de {user} : saisissez-le.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused {user} with this password: check the user name and the password.</source>
        <translation>Le serveur a refusé {user} avec ce mot de passe : vérifiez le nom d’utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server {host} has no database named {database}: check its name.</source>
        <translation>Le serveur {host} n’a pas de base de données nommée {database} : vérifiez son nom.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database {database} is not prepared for this version of Pilotage: whoever runs the server runs `pilotage db upgrade --db {target}` once.</source>
        <translation>La base de données {database} n’est pas préparée pour cette version de Pilotage : la personne qui gère le serveur lance une fois `pilotage db upgrade --db {target}`.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database {database} was prepared by a newer Pilotage: install that version.</source>
        <translation>La base de données {database} a été préparée par une version plus récente de Pilotage : installez cette version.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This installation cannot reach PostgreSQL: install Pilotage with its postgres extra (pip install &quot;pilotage[postgres]&quot;).</source>
        <translation>Cette installation ne peut pas joindre PostgreSQL : installez Pilotage avec son option postgres (pip install &quot;pilotage[postgres]&quot;).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to {host} failed: {detail}</source>
        <translation>La connexion à {host} a échoué : {detail}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Connect to server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password is kept only while Pilotage runs, never saved. Left empty, the server may still let you in: from your ~/.pgpass file (pgpass.conf on Windows), the PGPASSWORD variable, or a server that trusts your computer.</source>
        <translation>Le mot de passe n’est gardé que tant que Pilotage est ouvert, jamais enregistré. Laissé vide, le serveur peut quand même vous laisser entrer : par votre fichier ~/.pgpass (pgpass.conf sous Windows), la variable PGPASSWORD, ou un serveur qui fait confiance à votre ordinateur.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Connecting to {server}…</source>
        <translation>Connexion à {server}…</translation>
    </message>
</context>
<context>
    <name>ServiceCommand</name>
    <message>
        <location filename="../undo/commands.py" line="+70"/>
        <source>{reason} The change could not be undone and was taken off the Undo list.</source>
        <translation>{reason} La modification n&apos;a pas pu être annulée et a été retirée de la liste des annulations.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{reason} The change could not be redone and was taken off the Undo list.</source>
        <translation>{reason} La modification n&apos;a pas pu être rétablie et a été retirée de la liste des annulations.</translation>
    </message>
</context>
<context>
    <name>StartupShell</name>
    <message>
        <location filename="../startup.py" line="+45"/>
        <source>Pilotage</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../status.py" line="+34"/>
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
        <location filename="../pages/widgets.py" line="+321"/>
        <source>KPIs: {count} · mean progress {progress}</source>
        <translation>Indicateurs : {count} · avancement moyen {progress}</translation>
    </message>
</context>
<context>
    <name>StructureChanges</name>
    <message>
        <location filename="../editing/structure_changes.py" line="+30"/>
        <source>Delete a program</source>
        <translation>Supprimer un programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete program {reference} {title} with its pillars ({pillars}), initiatives ({initiatives}), KPIs ({kpis}) and their measurements, its parties, milestones and budget lines?</source>
        <translation>Supprimer le programme {reference} {title} avec ses piliers ({pillars}), ses initiatives ({initiatives}), ses indicateurs ({kpis}) et leurs mesures, ses parties, ses jalons et ses lignes budgétaires ?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete program {reference}</source>
        <translation>Suppression du programme {reference}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete a pillar</source>
        <translation>Supprimer un pilier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete pillar {code} {title} with its initiatives ({initiatives}), KPIs ({kpis}) and their measurements, milestones and budget lines?</source>
        <translation>Supprimer le pilier {code} {title} avec ses initiatives ({initiatives}), ses indicateurs ({kpis}) et leurs mesures, ses jalons et ses lignes budgétaires ?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete pillar {code}</source>
        <translation>Suppression du pilier {code}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete an initiative</source>
        <translation>Supprimer une initiative</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {code} {name} with its KPIs ({count}), their measurements, its milestones and budget lines?</source>
        <translation>Supprimer {code} {name} avec ses indicateurs ({count}), leurs mesures, ses jalons et ses lignes budgétaires ?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete initiative {code}</source>
        <translation>Suppression de l’initiative {code}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete a KPI</source>
        <translation>Supprimer un indicateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete KPI {code} {name} with its targets and measurements?</source>
        <translation>Supprimer l’indicateur {code} {name} avec ses cibles et ses mesures ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete KPI {code}</source>
        <translation>Suppression de l’indicateur {code}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Move pillar {code} up</source>
        <translation>Déplacement du pilier {code} vers le haut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move pillar {code} down</source>
        <translation>Déplacement du pilier {code} vers le bas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move a pillar</source>
        <translation>Déplacer un pilier</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Move initiative {code} to pillar {pillar}</source>
        <translation>Déplacement de l’initiative {code} dans le pilier {pillar}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move {code} {name}, with its KPIs, milestones and budget lines, to:</source>
        <translation>Déplacer {code} {name}, avec ses indicateurs, ses jalons et ses lignes budgétaires, dans :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to another pillar</source>
        <translation>Déplacer dans un autre pilier</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../dialogs/target_dialog.py" line="-28"/>
        <source>Set a target</source>
        <translation>Définir une cible</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../models/tables.py" line="+181"/>
        <source>Period end</source>
        <translation>Fin de période</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revised on</source>
        <translation>Révisé le</translation>
    </message>
    <message>
        <location line="+4"/>
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
<context>
    <name>TargetsSection</name>
    <message>
        <location filename="../pages/targets_section.py" line="+52"/>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No per-period target: the final target applies, reached evenly.</source>
        <translation>Aucune cible par période : la cible finale s’applique, avec une progression linéaire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set target…</source>
        <translation>Définir une cible…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revise…</source>
        <translation>Réviser…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Set target {day} of {kpi}</source>
        <translation>Définition de la cible au {day} de {kpi}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Revise target {day} of {kpi}</source>
        <translation>Révision de la cible au {day} de {kpi}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the original target</source>
        <translation>la cible initiale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revision {number}</source>
        <translation>la révision {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove a target</source>
        <translation>Retirer une cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {which} of {day} of {kpi}?</source>
        <translation>Retirer {which} au {day} de {kpi} ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove target {day} of {kpi}</source>
        <translation>Retrait de la cible au {day} de {kpi}</translation>
    </message>
</context>
<context>
    <name>TemplateAction</name>
    <message>
        <location filename="../dialogs/template_dialog.py" line="+254"/>
        <source>Export data-collection &amp;template…</source>
        <translation>Exporter un &amp;modèle de collecte…</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location line="-178"/>
        <source>Export data-collection template</source>
        <translation>Exporter un modèle de collecte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check &amp;all</source>
        <translation>Tout &amp;cocher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;none</source>
        <translation>Tout &amp;décocher</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Program</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Initiatives</source>
        <translation>&amp;Initiatives</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Periods &amp;from</source>
        <translation>Périodes &amp;du</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ile</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The whole program, its own KPIs included.</source>
        <translation>Tout le programme, ses propres indicateurs compris.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{checked} of {count} initiatives.</source>
        <translation>{checked} initiatives sur {count}.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the program to collect for.</source>
        <translation>Choisissez le programme dont collecter les chiffres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check at least one initiative.</source>
        <translation>Cochez au moins une initiative.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first period starts after the last.</source>
        <translation>La première période commence après la dernière.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the file to write the template to.</source>
        <translation>Choisissez le fichier où écrire le modèle.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>1 row to fill</source>
        <translation>1 ligne à remplir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} rows to fill</source>
        <translation>{count} lignes à remplir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template was written to {path}.</source>
        <translation>Le modèle a été écrit dans {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the template</source>
        <translation>&amp;Ouvrir le modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rows}, for {kpis} KPIs.</source>
        <translation>{rows}, pour {kpis} indicateurs.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../dialogs/unlock_dialog.py" line="+24"/>
        <source>{period} of {kpi} is validated. Say why it reopens: the reason goes to the history of the measurement.</source>
        <translation>La période {period} de {kpi} est validée. Indiquez pourquoi vous la rouvrez : le motif sera consigné dans l’historique de la mesure.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock a validated period</source>
        <translation>Déverrouiller une période validée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{period} of {kpi} is no longer validated: there is nothing to unlock</source>
        <translation>la période {period} de {kpi} n’est plus validée : il n’y a plus rien à déverrouiller</translation>
    </message>
</context>
<context>
    <name>WrittenBox</name>
    <message>
        <location filename="../dialogs/written_box.py" line="+22"/>
        <source>Open its &amp;folder</source>
        <translation>Ouvrir son &amp;dossier</translation>
    </message>
</context>
<context>
    <name>_TargetForm</name>
    <message>
        <location filename="../dialogs/target_dialog.py" line="-24"/>
        <source>Period end</source>
        <translation>Fin de période</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target{unit}</source>
        <translation>Cible{unit}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
</context>
</TS>
