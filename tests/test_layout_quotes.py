"""Quotes given by the layout (interviews, dialogue) and quote marks that are not speech.

Every text here is written for the tests."""
from __future__ import annotations

import pytest

from store import DIRECT
from store.attribution.interviews import ANSWER, TURN, find_turns, is_byline, vocative


def direct(article):
    return [(q.text, q.speaker) for q in article.quotes if q.kind == DIRECT]


# --- layout alone -------------------------------------------------------------------------------
def test_bold_questions_make_the_following_paragraphs_answers():
    text = (
        "Une architecte et son pont\n\n**Pourquoi avez-vous dessiné ce pont ?**\n\nParce que la rivière coupe la ville.\n\n"
        "**Et votre prochain chantier ?**\n\nUn second pont, plus au nord.\n\nLa mairie n'a pas encore répondu."
    )
    turns = find_turns(text)
    assert [text[t.start : t.end] for t in turns] == ["Parce que la rivière coupe la ville.", "Un second pont, plus au nord."]
    assert all(t.kind == ANSWER for t in turns)


def test_a_single_bold_line_is_a_subheading_not_a_question():
    text = "Titre\n\n**Un chantier en retard ?**\n\nLes travaux ont pris six mois de retard."
    assert find_turns(text) == []


def test_bold_subheadings_asking_the_readers_question_are_not_an_interview():
    text = (
        "Le pont de la discorde\n\n**Pourquoi ce pont divise-t-il ?**\n\nLe tracé coupe deux quartiers.\n\n"
        "**Quel calendrier ?**\n\nLes travaux débuteront en mai."
    )
    assert find_turns(text) == []


def test_labelled_questions_and_answers():
    text = "Q : Que faut-il changer ?\n\nR : Tout, ou presque.\n\nQ : Par où commencer ?\n\nR : Par l'école."
    assert [text[t.start : t.end] for t in find_turns(text)] == ["Tout, ou presque.", "Par l'école."]


def test_dash_lines_alternating_question_and_answer_keep_only_the_answers():
    text = (
        "Interrogé par la presse, l'entraîneur a répondu.\n\n— Êtes-vous inquiet ?\n\n— Pas du tout.\n\n"
        "— Et la blessure du gardien ?\n\n— Il jouera samedi."
    )
    turns = find_turns(text)
    assert [text[t.start : t.end] for t in turns] == ["Pas du tout.", "Il jouera samedi."]
    assert text[turns[1].question[0] : turns[1].question[1]] == "Et la blessure du gardien ?"


def test_dash_lines_that_do_not_alternate_are_dialogue_turns():
    text = "Les deux frères se disputent :\n\n— Tu as pris la clé ?\n\n— Non.\n\n— Alors qui l'a prise ?"
    turns = find_turns(text)
    assert [t.kind for t in turns] == [TURN, TURN, TURN]
    assert text[turns[1].start : turns[1].end] == "Non."


def test_a_list_set_with_dashes_is_not_dialogue():
    text = "Ce qu'il faut retenir :\n\n– Trois routes coupées.\n\n– Deux écoles fermées lundi.\n\n– Un numéro d'urgence ouvert."
    assert find_turns(text) == []


def test_a_timestamp_dash_is_not_dialogue():
    assert find_turns("Le direct\n\n9h30 — Le train est reparti.\n\n10h00 — Nouvel arrêt à Dijon.") == []


@pytest.mark.parametrize(
    "question, name",
    [
        ("— Et vous, Paul, vous y croyez ?", "Paul"),
        ("Marie Dutour, vous attendiez-vous à ce résultat ?", "Marie Dutour"),
        ("Votre collègue, Jean Ardent, est parti. Pourquoi ?", None),
    ],
)
def test_vocative_names_the_person_asked(question, name):
    assert vocative(question) == name


def test_byline_names_are_not_interviewees():
    text = "Propos recueillis par Anne Sorel"
    assert is_byline(text, 0, text.index("Anne"))
    assert not is_byline("Rencontre avec Anne Sorel", 0, len("Rencontre avec "))


# --- speakers over the parse ------------------------------------------------------------------------
def test_interview_answers_belong_to_the_interviewee_not_the_journalist(parse):
    text = (
        "Un luthier face à la crise du bois\n\n"
        "Propos recueillis par Hélène Marchal\n\n"
        "Le luthier Bernard Ostier fabrique des violons depuis quarante ans dans son atelier de Mirecourt.\n\n"
        "**Le bois manque-t-il vraiment ?**\n\n"
        "Oui, l'épicéa de montagne devient rare et son prix a doublé.\n\n"
        "**Que faites-vous pour y remédier ?**\n\n"
        "Je garde mes planches plus longtemps et je travaille d'autres essences."
    )
    quotes = direct(parse(text))
    assert quotes == [
        ("Oui, l'épicéa de montagne devient rare et son prix a doublé.", "Bernard Ostier"),
        ("Je garde mes planches plus longtemps et je travaille d'autres essences.", "Bernard Ostier"),
    ]


def test_a_transcript_labels_each_answer_with_the_speaker(parse):
    text = (
        "Le maire de Vienne-le-Haut répond aux habitants\n\n"
        "Temps de lecture : 2 min\n\n"
        "Le maire Gilles Parmentier a tenu une réunion publique jeudi soir.\n\n"
        "**Pourquoi fermer la piscine ?**\n\n"
        "Gilles Parmentier : Nous n'avons plus les moyens de la chauffer.\n\n"
        "**Et l'an prochain ?**\n\n"
        "Gilles Parmentier : Nous chercherons un partenaire privé."
    )
    quotes = direct(parse(text))
    assert quotes == [
        ("Nous n'avons plus les moyens de la chauffer.", "Gilles Parmentier"),
        ("Nous chercherons un partenaire privé.", "Gilles Parmentier"),
    ]


def test_a_question_addressed_by_name_gives_the_answer_to_that_person(parse):
    text = (
        "Conférence de presse avant la finale\n\n"
        "L'entraîneur Olivier Brasset et sa capitaine Camille Renaud ont répondu aux questions.\n\n"
        "— Comment va le groupe ?\n\n— Il est concentré et serein.\n\n"
        "— Et vous, Camille, vous dormez bien ?\n\n— Très bien, merci."
    )
    quotes = dict(direct(parse(text)))
    assert quotes["Il est concentré et serein."] == "Olivier Brasset"
    assert quotes["Très bien, merci."] == "Camille Renaud"


def test_dialogue_turns_follow_tags_and_alternate(parse):
    text = (
        "Deux pêcheurs sur le port\n\n"
        "Sur le quai, Louis Garnier et Étienne Morvan réparent un filet.\n\n"
        "— Tu as vu la météo ? demande Louis.\n\n"
        "— Du vent toute la semaine.\n\n"
        "— Alors on reste à terre.\n\n"
        "— Pas question, tranche Étienne."
    )
    quotes = direct(parse(text))
    assert quotes == [
        ("Tu as vu la météo ?", "Louis Garnier"),
        ("Du vent toute la semaine.", "Étienne Morvan"),
        ("Alors on reste à terre.", "Louis Garnier"),
        ("Pas question", "Étienne Morvan"),
    ]


# --- quote marks that are not speech ----------------------------------------------------------------
HEAD = "Une dépêche de test\n\n"


@pytest.mark.parametrize(
    "body, name",
    [
        ("La région a lancé le programme « Forêts vivantes » pour replanter les coteaux.", "Forêts vivantes"),
        ("Elle lisait « Les Heures claires », un roman de son grand-père, chaque été.", "Les Heures claires"),
        ("« La Dernière Saison », de Marc Ollier, sort en salles mercredi.", "La Dernière Saison"),
        ("Les économistes appellent prudemment la « dette verte » ce nouvel emprunt.", "dette verte"),
        ("Le mot « sobriété » revient dans tous les discours de la rentrée.", "sobriété"),
        ("La commune se voit déjà en « ville-jardin » d'ici dix ans.", "ville-jardin"),
    ],
)
def test_names_titles_and_scare_quotes_are_not_quotes(parse, body, name):
    assert name not in [text for text, _ in direct(parse(HEAD + body))]


@pytest.mark.parametrize(
    "body, text, speaker",
    [
        # a short partial quote with a reporting verb stays a quote
        ("La syndicaliste Agnès Perrin a dénoncé un « passage en force » du gouvernement.", "passage en force", "Agnès Perrin"),
    ],
)
def test_partial_quotes_with_a_cue_or_a_speaker_stay(parse, body, text, speaker):
    assert (text, speaker) in direct(parse(HEAD + body))


def test_a_partial_quote_with_a_named_subject_and_no_reporting_verb_stays(parse):
    body = "Le maire Julien Castel proposera une « sortie par le haut » aux grévistes."
    assert "sortie par le haut" in [text for text, _ in direct(parse(HEAD + body))]


@pytest.mark.parametrize(
    "body, text",
    [
        ("Pour lui, c'est une « trahison » pure et simple.", "trahison"),
        ("Elle y voit une « chance » pour le quartier.", "chance"),
        ("Le délégué répète à ses collègues que « Nous tiendrons » jusqu'au bout.", "Nous tiendrons"),
    ],
)
def test_partial_quotes_held_by_a_person_stay(parse, body, text):
    assert text in [t for t, _ in direct(parse(HEAD + body))]


def test_a_title_like_span_right_after_a_reporting_verb_stays(parse):
    body = "Le capitaine Yann Le Goff a lancé « Tous ensemble » à ses coéquipiers."
    assert "Tous ensemble" in [text for text, _ in direct(parse(HEAD + body))]


def test_a_subheading_quote_stays_a_quote(parse):
    body = "10h15 — « Du jamais-vu »\n\nLe fleuve a dépassé sa cote record, a constaté l'hydrologue Paul Vidal."
    assert "Du jamais-vu" in [text for text, _ in direct(parse(HEAD + body))]


# --- quotes in headlines and subheadings --------------------------------------------------------------
def speaker_of(article, text):
    return next(q.speaker for q in article.quotes if q.kind == DIRECT and q.text == text)


def test_a_name_before_the_colon_of_a_headline_is_the_speaker(parse):
    article = parse(
        "Odile Ferrand : « Le théâtre doit sortir des villes »\n\n"
        "La metteuse en scène Odile Ferrand part en tournée dans quarante villages du Cantal cet hiver."
    )
    assert speaker_of(article, "Le théâtre doit sortir des villes") == "Odile Ferrand"


def test_a_headline_quote_opening_the_line_takes_the_person_the_lead_names(parse):
    article = parse(
        "« Nous irons jusqu'au bout » : les boulangers de Rodez en grève\n\n"
        "Par Paul Sarda\n\n"
        "Le président du syndicat des boulangers, Arnaud Vidal, a lancé cet avertissement lundi devant la mairie."
    )
    assert speaker_of(article, "Nous irons jusqu'au bout") == "Arnaud Vidal"


def test_a_subheading_repeating_words_quoted_below_takes_their_speaker(parse):
    article = parse(
        "Le direct de la tempête\n\n"
        "18h40 — « Une nuit très dangereuse »\n\n"
        "« Ce sera une nuit très dangereuse pour toute la côte », a averti le météorologue Simon Carrel."
    )
    assert speaker_of(article, "Une nuit très dangereuse") == "Simon Carrel"
