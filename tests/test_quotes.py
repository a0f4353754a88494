"""Quote finding and attribution, one short French text per pattern (written for the tests)."""
from __future__ import annotations

import pytest

from store import ANONYMOUS, DIRECT, INDIRECT, ORGANIZATION, PERSON, Corpus

# Headline + body, so the first line of each case is a body line.
HEAD = "Une dépêche de test sur la diplomatie européenne\n"


@pytest.fixture(autouse=True)
def _rules(rules_only):
    """These tests pin the rules: what each proposes first, with its prior."""


def direct(article):
    return [q for q in article.quotes if q.kind == DIRECT]


def only_quote(parse, body: str):
    quotes = direct(parse(HEAD + body))
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    "body, text, speaker",
    [
        # verb after the quote, subject after the verb (often parsed as an object)
        ("« Nous sommes prêts à négocier », a déclaré jeudi Pierre Durand.", "Nous sommes prêts à négocier", "Pierre Durand"),
        # verb before the quote, with a colon
        ("Le ministre Jean Dupont a déclaré : « Nous ne reculerons pas. »", "Nous ne reculerons pas.", "Jean Dupont"),
        # selon / d'après
        ("La réforme sera « ambitieuse et rapide », selon Claire Lemoine.", "ambitieuse et rapide", "Claire Lemoine"),
        ("Le texte restera « inchangé », d'après Julien Marchand.", "inchangé", "Julien Marchand"),
        # short partial quote inside a sentence
        ("Antoine Girard a plaidé pour une « voie diplomatique » dans cette crise.", "voie diplomatique", "Antoine Girard"),
        # the addressee is never the speaker
        ("Hélène Carpentier a déclaré à Thomas Rivière que la situation était « très grave ».", "très grave", "Hélène Carpentier"),
        # a person named only inside the quote is never the speaker
        ("« Thomas Rivière ne comprend rien », a affirmé Hélène Carpentier.", "Thomas Rivière ne comprend rien", "Hélène Carpentier"),
        # straight quotes and no spaces inside guillemets
        ('Nicolas Fabre a estimé que ce serait une "erreur colossale".', "erreur colossale", "Nicolas Fabre"),
        ("«Tout est prêt», a assuré Sophie Renaud.", "Tout est prêt", "Sophie Renaud"),
        ("«\u00a0Tout est prêt\u00a0», a assuré Sophie Renaud.", "Tout est prêt", "Sophie Renaud"),
    ],
)
def test_speaker_by_pattern(parse, body, text, speaker):
    quote = only_quote(parse, body)
    assert quote.text == text
    assert quote.speaker == speaker
    assert quote.speaker_kind == PERSON


def test_inverted_pronoun_resolves_to_the_person(parse):
    article = parse(HEAD + "Marie Martin a rencontré les syndicats lundi. « Rien n'est encore décidé », a-t-elle ajouté.")
    assert direct(article)[0].speaker == "Marie Martin"


def test_inverted_pronoun_prefers_the_last_speaker_over_people_merely_mentioned(parse):
    body = (
        "Le dossier « avance bien », a indiqué le porte-parole Paul Lefèvre.\n"
        "Julie Moreau et Marc Petit ont discuté des moyens de « sortir de l'impasse », a-t-il ajouté."
    )
    assert [q.speaker for q in direct(parse(HEAD + body))] == ["Paul Lefèvre", "Paul Lefèvre"]


def test_role_noun_resolves_to_the_person_named_for_that_role(parse):
    body = (
        "Le porte-parole du gouvernement, Luc Bernard, a présenté la réforme mardi.\n"
        "« Elle sera votée au printemps », a ajouté le porte-parole."
    )
    assert direct(parse(HEAD + body))[0].speaker == "Luc Bernard"


def test_a_quote_in_its_own_paragraph_continues_the_previous_speaker(parse):
    body = (
        "Paul Lefèvre a déclaré : « Le premier point est réglé. »\n"
        "« Le second point demandera encore plusieurs semaines de travail. »"
    )
    assert [q.speaker for q in direct(parse(HEAD + body))] == ["Paul Lefèvre", "Paul Lefèvre"]


def test_speaker_named_only_in_the_next_sentence(parse):
    body = "« Nous ne céderons sur rien. » C'est ce qu'a déclaré la ministre Julie Moreau devant les députés."
    assert direct(parse(HEAD + body))[0].speaker == "Julie Moreau"


def test_organisations_and_states_speak(parse):
    kremlin = only_quote(parse, "« Les négociations continuent », a fait savoir le Kremlin mercredi.")
    assert (kremlin.speaker, kremlin.speaker_kind) == ("Kremlin", ORGANIZATION)
    washington = only_quote(parse, "Washington a déclaré que cette offre était « inacceptable ».")
    assert (washington.speaker, washington.speaker_kind) == ("Washington", ORGANIZATION)


def test_anonymous_source_keeps_its_descriptor(parse):
    quote = only_quote(parse, "« Tout reste possible », a déclaré un haut responsable de l'administration.")
    assert quote.speaker_kind == ANONYMOUS
    assert quote.speaker == "un haut responsable de l'administration"


def test_a_definite_source_refers_back_to_the_anonymous_one(parse):
    body = (
        "Un diplomate européen a déclaré que la rencontre était « utile ».\n"
        "« Mais rien n'est réglé », a ajouté le diplomate."
    )
    assert {q.speaker for q in direct(parse(HEAD + body))} == {"un diplomate européen"}


def test_heading_that_carries_its_own_attribution(parse):
    article = parse("Titre du journal en ligne du jour\nLe Kremlin exige des \"résultats\"\nLe texte suit ici.")
    assert [(q.text, q.speaker) for q in direct(article)] == [("résultats", "Kremlin")]


def test_marks_around_names_of_things_are_not_quotes(parse):
    assert direct(parse(HEAD + "Le gazoduc baptisé « Nord Stream 2 » est achevé depuis septembre.")) == []
    assert direct(parse(HEAD + "Le chantier avance.\n« Un avenir commun »\nLes travaux reprennent lundi.")) == []


def test_nested_quotes_belong_to_the_outer_quote(parse):
    quote = only_quote(parse, "« Il m'a répondu “jamais” hier soir », a raconté Anne Roux.")
    assert quote.text == "Il m'a répondu “jamais” hier soir"
    assert quote.speaker == "Anne Roux"


def test_quote_whose_opening_mark_is_missing(parse):
    quote = only_quote(parse, "La réunion est terminée. nous partirons demain matin », a déclaré Marc Petit.")
    assert quote.text == "nous partirons demain matin"
    assert quote.speaker == "Marc Petit"


def test_quote_running_over_a_line_break(parse):
    quote = only_quote(parse, "« Nous partirons demain\nmatin avec toute la délégation », a déclaré Marc Petit.")
    assert quote.text.startswith("Nous partirons demain") and quote.text.endswith("toute la délégation")
    assert quote.speaker == "Marc Petit"


def test_indirect_speech_is_a_second_kind(parse):
    article = parse(HEAD + "Jean Dupont a averti que les sanctions seraient très lourdes pour Moscou.")
    indirect = [q for q in article.quotes if q.kind == INDIRECT]
    assert [(q.speaker, q.text) for q in indirect] == [("Jean Dupont", "les sanctions seraient très lourdes pour Moscou")]
    assert direct(article) == []


def test_same_quote_in_several_articles_is_one_claim_with_majority_speaker(parse):
    a = parse(HEAD + "« La paix est possible », a déclaré Pierre Durand.", "a.txt")
    b = parse(HEAD + "« La paix est possible », a affirmé jeudi Pierre Durand.", "b.txt")
    c = parse(HEAD + "« La paix est possible », a déclaré Claire Lemoine.", "c.txt")
    corpus = Corpus([a, b, c])
    claims = corpus.claims(corpus.quotes)
    assert len(claims) == 1
    claim = claims[0]
    assert len(claim.refs) == 3 and claim.speaker == "Pierre Durand" and claim.disputed


def test_one_person_is_one_speaker_across_spellings(parse):
    a = parse(HEAD + "« Nous tiendrons », a déclaré Volodymyr Zelenskiy.", "a.txt")
    b = parse(HEAD + "« Nous résisterons », a déclaré Volodymyr Zelensky. Zelensky a ensuite quitté la salle.", "b.txt")
    corpus = Corpus([a, b])
    assert {r.speaker for r in corpus.quotes if r.quote.kind == DIRECT} == {"Volodymyr Zelensky"}


def test_repeated_words_share_the_most_specific_speaker(parse):
    article = parse(
        "Titre du journal en ligne du jour\n"
        "Paris exclut toute « concession »\n"
        "Le chef de la diplomatie, Julien Marchand, a exclu toute « concession » lundi."
    )
    assert [(q.text, q.speaker) for q in direct(article)] == [("concession", "Julien Marchand")] * 2


def test_repeated_words_do_not_override_a_named_speaker(parse):
    article = parse(HEAD + "Anne Roux a jugé l'offre « inacceptable ». Marc Petit l'a aussi trouvée « inacceptable », a-t-il déclaré.")
    assert [q.speaker for q in direct(article)] == ["Anne Roux", "Marc Petit"]


@pytest.mark.parametrize(
    "body, speaker, kind",
    [
        ("Pour Claire Lemoine, « rien ne justifie cette décision ».", "Claire Lemoine", PERSON),
        ("« La situation est grave », estime Julien Marchand, ministre de la Défense.", "Julien Marchand", PERSON),
        ("Selon le ministère de la Défense, « aucune troupe ne sera envoyée ».", "ministère de la Défense", ORGANIZATION),
        ("« Nous sommes inquiets. »\nC'est ce qu'a confié mardi un diplomate européen à la presse.", "un diplomate européen", ANONYMOUS),
        ("Le Premier ministre Jean Castel a jugé « indispensable » ce dialogue.", "Jean Castel", PERSON),
        ("Pour sa part, Marc Petit a déclaré que tout était « réglé ».", "Marc Petit", PERSON),
    ],
)
def test_more_attribution_patterns(parse, body, speaker, kind):
    quote = only_quote(parse, body)
    assert (quote.speaker, quote.speaker_kind) == (speaker, kind)


def test_incise_only_verbs_and_participle_clauses(parse):
    article = parse(HEAD + "« C'est une provocation », a lancé mercredi Marine Lenoir devant les journalistes, "
                           "jugeant la réforme « inacceptable ».")
    assert [q.speaker for q in direct(article)] == ["Marine Lenoir", "Marine Lenoir"]
    assert direct(parse(HEAD + "Jean Dupont a prévenu que si la Russie lançait une « attaque », la riposte serait forte."))[0].speaker == "Jean Dupont"


def test_a_source_noun_never_refers_back_to_a_collective(parse):
    body = "Les syndicats ont immédiatement réagi.\n« Nous appelons à la grève », a ajouté le responsable syndical."
    assert direct(parse(HEAD + body))[0].speaker == "le responsable syndical"


def test_head_of_state_is_the_president_the_article_names(parse):
    body = "Le président Marc Aubert a reçu les syndicats.\nLe chef de l'Etat a prévenu qu'il n'y aurait « pas de retour en arrière »."
    assert direct(parse(HEAD + body))[0].speaker == "Marc Aubert"


def test_epithets_appositions_and_ce_dernier(parse):
    body = (
        "« Nous partirons », a déclaré Paul Aubry. Le chef de l'Etat a précisé que le retrait prendrait « six mois ».\n"
        "Son porte-parole, le colonel Jean Sidibé, a dénoncé une décision « unilatérale ».\n"
        "D'après un diplomate africain, les pays voisins redoutent « un vide ». Ce dernier a ajouté : « Rien n'est prêt. »"
    )
    assert [q.speaker for q in direct(parse(HEAD + body))] == [
        "Paul Aubry", "Paul Aubry", "Jean Sidibé", "un diplomate africain", "un diplomate africain",
    ]


def test_support_is_not_speech_but_maintaining_that_is(parse):
    article = parse(HEAD + "Des responsables, s'exprimant sous couvert d'anonymat, ont indiqué que Paris soutenait « pleinement » le projet.")
    assert direct(article)[0].speaker == "des responsables"
    assert direct(parse(HEAD + "Jean Dupont soutient que la réforme est « juste »."))[0].speaker == "Jean Dupont"
