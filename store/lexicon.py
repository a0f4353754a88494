"""General French vocabulary the extractors rely on (no names from any article)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Reporting verbs, by lemma: direct and indirect speech, stances and written statements.
SPEECH_VERBS = frozenset({"faire savoir"}) | frozenset("""
déclarer dire affirmer indiquer préciser ajouter estimer souligner avertir prévenir annoncer écrire
assurer expliquer rappeler juger qualifier exiger exclure menacer confier répondre répliquer
conclure insister marteler noter observer relever constater commenter confirmer
démentir nier reconnaître admettre avouer concéder regretter déplorer dénoncer condamner accuser
critiquer fustiger saluer féliciter remercier promettre garantir jurer certifier prédire
espérer souhaiter réclamer appeler exhorter implorer supplier inviter
suggérer recommander conseiller plaider défendre soutenir prétendre alléguer clamer proclamer
revendiquer signaler mentionner évoquer citer raconter rapporter relater révéler dévoiler divulguer
informer notifier communiquer publier tweeter twitter poster détailler résumer décrire qualifier
considérer penser croire alerter
interroger questionner demander s'interroger s'exclamer exclamer s'écrier écrier protester objecter
rétorquer riposter renchérir enchaîner glisser lâcher tonner ironiser plaisanter murmurer souffler
confesser témoigner attester jurer prôner réitérer réaffirmer répéter maintenir assener asséner
trancher décréter ordonner sommer enjoindre interdire refuser rejeter repousser accepter approuver
qualifier traiter taxer réagir commenter s'exprimer exprimer entonner vanter
marteler
""".split())

# "personne n'a dit", "nul ne conteste": a negated subject names nobody.
NEGATIVE_SUBJECTS = frozenset({"personne", "nul", "nulle", "aucun", "aucune", "rien"})

# Verbs of reply: the words answer someone, so their speaker is not the one who spoke just before.
REPLY_VERBS = frozenset("répondre répliquer rétorquer riposter objecter contrer rebondir".split())
# "a-t-elle lancé en retour": a phrase that makes any reporting verb a reply.
REPLY_PHRASES = ("en retour", "en réponse", "à son tour", "du tac au tac")

# Verbs that report speech only in an incise after the quote: `», a lancé X` (but `lancer une attaque`).
INCISE_VERBS = frozenset("""
lancer poursuivre conclure glisser lâcher tonner insister souffler enchaîner ironiser plaisanter
trancher résumer tempêter s'emporter cingler persifler compléter argumenter avancer nuancer tempérer
relativiser rassurer pester s'agacer agacer s'amuser amuser sourire soupirer s'indigner indigner
s'étonner étonner se réjouir réjouir s'inquiéter inquiéter analyser abonder embrayer reprendre
continuer corriger s'enthousiasmer enthousiasmer s'esclaffer grincer grogner s'énerver fulminer
railler se désoler désoler s'alarmer s'offusquer tacler décrypter philosopher rigoler sangloter
s'étrangler s'impatienter se souvenir se rappeler s'interroger se défendre se justifier tancer
""".split())

# Verbs that report speech only with a clause: "soutenir que …", not "soutenir la position".
CLAUSE_VERBS = frozenset({"soutenir", "défendre", "maintenir"})

# Words after which a quoted span names a thing (a title, an operation, a nickname) rather than speech.
NAMING_WORDS = frozenset("""
intitulé intitulée intitulés intitulées baptisé baptisée baptisés baptisées surnommé surnommée
nommé nommée appelé appelée dénommé dénommée opération programme projet livre film
journal émission série hashtag slogan
""".split())

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
)
HONORIFICS = frozenset({"m.", "mme", "mme.", "mlle", "mm.", "mmes", "dr", "dr.", "me", "mgr", "pr", "pr."})
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "de", "d'", "d’", "au", "aux"})
PLACE_PREPOSITIONS = frozenset({"à", "en", "vers", "depuis", "dans", "aux"})
SOURCE_PREPOSITIONS = frozenset({"selon", "d'après", "d’après"})
INDEFINITE_DETERMINERS = frozenset({"un", "une", "des", "plusieurs", "certains", "certaines", "deux", "trois"})


def fold_text(text: str) -> str:
    """Case- and accent-insensitive form, for search and comparison."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed.replace("’", "'")
    if max(decomposed) < "\U00010000":  # one regex pass instead of a Python step per character
        return _combining_marks().sub("", decomposed).replace("’", "'")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@lru_cache(maxsize=1)
def _combining_marks() -> re.Pattern:
    """Every combining character of the Basic Multilingual Plane, as one character class."""
    marks = "".join(chr(c) for c in range(0x10000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """`fold_text`, remembered: names and words are folded over and over (not for long texts)."""
    return fold_text(text)

# Heads of state or government named by function: "le dirigeant américain" is "le président américain".
LEADER_NOUNS = frozenset({"président", "présidente", "dirigeant", "dirigeante", "chef", "leader"})
# "le chef de l'État" names a leader without narrowing which one: it matches "le président".
HEAD_OF_STATE_WORDS = frozenset({"etat", "état"})
DEFINITE_ARTICLES = frozenset({"le", "la", "l'", "l’"})
# Nouns that head the name of an institution: "le ministère japonais des Affaires étrangères".
INSTITUTION_NOUNS = frozenset("""
ministère département gouvernement commandement conseil agence centre comité parlement présidence
ambassade armée état-major bureau service commission cour tribunal assemblée sénat chancellerie
diplomatie administration secrétariat parquet préfecture mairie banque fondation institut organisation
gendarmerie police douane municipalité
""".split())

# Nouns for a country's executive: "le gouvernement polonais" is whom "Varsovie" stands for.
GOVERNMENT_NOUNS = frozenset({"gouvernement", "administration", "présidence", "diplomatie", "exécutif"})

# Nouns for people by their function: "le chef du Kremlin" is a person, "le ministère" is not.
PERSON_ROLE_NOUNS = LEADER_NOUNS | frozenset("""
ministre porte-parole responsable conseiller conseillère directeur directrice secrétaire ambassadeur
ambassadrice diplomate officiel fonctionnaire négociateur négociatrice analyste expert experte source
membre député députée sénateur sénatrice général commandant représentant représentante envoyé envoyée
émissaire assistant assistante collaborateur proche juge procureur maire gouverneur premier chancelier
""".split())

# Words that carry no content when comparing quotes, roles and descriptors.
FUNCTION_WORDS = frozenset("le la les l un une des de du d à au aux et en son sa ses leur leurs ce cet cette ces".split())


def speech_lemma(token) -> str:
    """The verb's lemma, mended where the tagger leaves a conjugated form (`estime` for estimer)."""
    lemma = token.lemma_.lower()
    if lemma == "savoir" and token.i > 0 and token.doc[token.i - 1].lemma_ == "faire":
        return "faire savoir"
    if lemma in SPEECH_VERBS or lemma in INCISE_VERBS:
        return lemma
    word = token.lower_
    stems = (word + "r", word[:-1] + "er" if word.endswith(("é", "e")) else "", word[:-2] + "er" if word.endswith("és") else "")
    # `complète` is compléter, `s'inquiète` s'inquiéter: the stem's last è is an é in the infinitive.
    guesses = [*stems, *(g[: g.rfind("è")] + "é" + g[g.rfind("è") + 1 :] for g in stems if "è" in g)]
    for guess in guesses:
        if guess in SPEECH_VERBS or guess in INCISE_VERBS:
            return guess
    return lemma

# General nouns for people and for things: the centres of the two in the model's vector space tell
# a noun of people it was never given ("la chercheuse") from a thing ("la journée").
PEOPLE_NOUNS = frozenset("""
personne homme femme enfant ami voisin habitant citoyen ouvrier salarié employé patron médecin avocat
juge élu maire député ministre président directeur porte-parole responsable journaliste chercheur
professeur étudiant agriculteur policier soldat militant syndicaliste infirmière victime témoin auteur
expert conseiller secrétaire ambassadeur négociateur dirigeant candidat électeur joueur entraîneur
capitaine délégué habitante riverain procureur magistrat prévenu accusé défenseur opposant manifestant
""".split())
THING_NOUNS = frozenset("""
moment jour semaine année mois soir matin nuit heure journée réunion séance rencontre débat discussion
négociation accord traité texte loi projet plan rapport document lettre décision mesure condition
question problème situation crise guerre match défaite victoire résultat chiffre prix coût bâtiment
maison salle route voiture eau feu cri bruit voix idée raison scrutin vote adhésion an
""".split())
