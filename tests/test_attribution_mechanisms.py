"""The mechanisms unseen news needs most (issue 15), each on sentences written for this test.
They hold with the fitted scorer and with the rules' priors alone."""
from __future__ import annotations

import pytest

from store import DIRECT
from store.attribution import decide as decide_module
from store.attribution.quote_marks import find_marked_spans

HEAD = "Un titre pour la rubrique des essais\n\n"


@pytest.fixture(params=["fitted", "priors"])
def quotes_of(request, parse, monkeypatch):
    if request.param == "priors":
        monkeypatch.setattr(decide_module, "WEIGHTS_FILE", decide_module.WEIGHTS_FILE.with_name("absent.json"))
    decide_module._scorer_from.cache_clear()

    def run(body: str):
        return [q for q in parse(HEAD + body).quotes if q.kind == DIRECT]

    yield run
    decide_module._scorer_from.cache_clear()


def speakers(quotes):
    return [q.speaker for q in quotes]


def test_an_incise_inside_the_marks_is_the_cue_of_one_quote(quotes_of):
    quotes = quotes_of("« La piscine rouvrira en mars, annonce la maire Odile Ferrand, mais sans le bassin extérieur. »")
    assert [q.text for q in quotes] == ["La piscine rouvrira en mars, annonce la maire Odile Ferrand, mais sans le bassin extérieur."]
    assert speakers(quotes) == ["Odile Ferrand"]
    assert quotes[0].rule.startswith("cue-inner-incise")


@pytest.mark.parametrize("verb", ["complète", "argumente", "nuance", "tempère"])
def test_a_reporting_verb_the_tagger_misreads_is_read_by_its_place(quotes_of, verb):
    quotes = quotes_of(f"« Il faudra du temps », {verb} Bérénice Aubert.")
    assert speakers(quotes) == ["Bérénice Aubert"]


def test_a_passive_reporting_verb_makes_nobody_speak(quotes_of):
    quotes = quotes_of("Timothée Carrel a été félicité par son entraîneur. « Je n'ai fait que mon travail », a-t-il répondu.")
    assert speakers(quotes) == ["Timothée Carrel"]


def test_a_post_named_with_its_network_in_brackets(quotes_of):
    quotes = quotes_of("« Le pont restera fermé tout le week-end », a publié vendredi sur X (ex-Twitter) le maire Hugues Fontaine.")
    assert speakers(quotes) == ["Hugues Fontaine"]


def test_a_straight_mark_closed_by_a_curly_one_does_not_swallow_the_next_quote():
    text = '"Nous tiendrons”, a promis Lucie Brun. « Rien ne bouge », a ajouté Paul Sorel.'
    assert [s.text(text) for s in find_marked_spans(text)] == ["Nous tiendrons", "Rien ne bouge"]


def test_names_with_particles_are_kept_whole(quotes_of):
    quotes = quotes_of(
        "« Le chantier avance », assure Gaspard de La Tour. « Les délais sont tenus », ajoute Wim Van Dyck."
    )
    assert speakers(quotes) == ["Gaspard de La Tour", "Wim Van Dyck"]


def test_one_pronoun_governing_two_verbs_after_an_unnamed_witness(quotes_of):
    quotes = quotes_of("Un passant a décrit l'accident. Il dit une chose et évoque un choc. « Tout est allé très vite », dit-il.")
    assert [q.text for q in quotes] == ["Tout est allé très vite"]


def test_the_answers_of_an_interviewee_the_lead_only_describes_are_the_descriptor(quotes_of):
    quotes = quotes_of(
        "Nous avons rencontré la directrice d'une crèche de Lille, qui a requis l'anonymat.\n\n"
        "Q : Combien de places manquent ?\n\n"
        "Il en manque une quarantaine, et la liste d'attente s'allonge chaque mois.\n\n"
        "Q : Que demandez-vous ?\n\n"
        "Des postes d'auxiliaires, tout simplement, et un calendrier clair."
    )
    assert [q.candidate for q in quotes] == ["la directrice d'une crèche de Lille"] * 2
    assert all(q.rule == "turn/described-interviewee" for q in quotes)
