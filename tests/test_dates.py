"""Publication dates and resolution of temporal expressions, on sentences written for the tests."""
from __future__ import annotations

import pytest

# Wednesday 9 February 2022.
DATELINE = "Une dépêche de test sur la diplomatie\nPublié le 9 février 2022 à 10h\n"


def events(article):
    return {e.expression: (e.date, e.precision) for e in article.events}


def test_publication_from_a_published_line(parse):
    article = parse(DATELINE + "Le ministre parle.")
    assert (article.published, article.published) == ("2022-02-09", "2022-02-09")
    assert article.published_basis == "dateline" and "Publié le 9 février 2022" in article.published_evidence
    assert all("Publié" not in p for p in article.paragraphs)  # page furniture, not text


def test_publication_from_numeric_published_line(parse):
    assert parse("Titre de la dépêche du jour\nPublié le 09/02/2022\nLe texte.").published == "2022-02-09"


def test_publication_from_an_explicit_past_date(parse):
    article = parse("Titre de la dépêche du jour\nLes deux présidents ont conclu jeudi 30 décembre 2021 un entretien.")
    assert article.published == "2021-12-30"


def test_weekday_alone_pins_the_year_of_a_day_and_month(parse):
    article = parse("Titre de la dépêche du jour\nLes deux présidents ont conclu jeudi 30 décembre un entretien.")
    assert article.published == "2021-12-30"  # the latest year, not after this one, where 30/12 is a Thursday


def test_month_date_line_leaves_weekdays_undated(parse):
    article = parse(" date 2022-03 Le ministre a annoncé mercredi une rencontre prévue le 4 avril.\nElle se tiendra à Genève.")
    assert (article.published, article.published_precision, article.published_basis) == ("2022-03", "month", "dateline")
    assert events(article) == {"le 4 avril": ("2022-04-04", "day")}  # which Wednesday of March is not said
    alone = parse("date 2022-03\nTitre de la dépêche du jour\nLe ministre parle de la crise.")
    assert alone.published == "2022-03" and all("2022-03" not in p for p in alone.paragraphs)


def test_a_day_named_with_its_weekday_places_the_other_weekdays(parse):
    article = parse(" date 2023-09 Titre de la dépêche du jour\nDans la nuit du mercredi 13 au jeudi 14 septembre, "
                    "la crue a tout emporté. Le maire déposera plainte vendredi.")
    assert events(article)["du mercredi 13"] == ("2023-09-13", "day")
    assert events(article)["vendredi"] == ("2023-09-15", "day")
    assert article.published == "2023-09"  # the text does not say on which day it was written


def test_no_date_in_the_text_means_none(parse):
    article = parse("Titre de la dépêche du jour\nLe ministre a annoncé mercredi une rencontre.")
    assert article.published is None and article.published_basis is None


@pytest.mark.parametrize(
    "sentence, expression, expected",
    [
        ("Le ministre a parlé lundi dernier devant la presse.", "lundi dernier", ("2022-02-07", "day")),
        ("Le ministre parlera vendredi prochain devant la presse.", "vendredi prochain", ("2022-02-11", "day")),
        ("Le ministre a parlé mardi devant la presse.", "mardi", ("2022-02-08", "day")),
        ("Le ministre se rendra samedi à Kiev.", "samedi", ("2022-02-12", "day")),
        ("Le sommet aura lieu le 10 mars à Genève.", "le 10 mars", ("2022-03-10", "day")),
        ("Le sommet a eu lieu mardi 7 décembre en visioconférence.", "mardi 7 décembre", ("2021-12-07", "day")),
        ("Les troupes sont arrivées début janvier.", "début janvier", ("2022-01", "month")),
        ("Les troupes repartiront mi-mars.", "mi-mars", ("2022-03", "month")),
        ("Les troupes étaient arrivées fin décembre.", "fin décembre", ("2021-12", "month")),
        ("Le ministre parle aujourd'hui à Paris.", "aujourd'hui", ("2022-02-09", "day")),
        ("Le ministre a parlé hier à Paris.", "hier", ("2022-02-08", "day")),
        ("Le ministre parlera demain à Paris.", "demain", ("2022-02-10", "day")),
        ("La Russie a annexé la Crimée en 2014.", "en 2014", ("2014", "year")),
        ("Le ministre est venu il y a trois semaines.", "il y a trois semaines", ("2022-01-19", "day")),
        ("Le ministre viendra cette semaine.", "cette semaine", ("2022-02-07", "week")),
        ("Les syndicats avaient manifesté l'an dernier.", "l'an dernier", ("2021", "year")),
        ("Le sommet aura lieu l'année prochaine.", "l'année prochaine", ("2023", "year")),
    ],
)
def test_expression_resolution(parse, sentence, expression, expected):
    assert events(parse(DATELINE + sentence))[expression] == expected


def test_chained_expressions_follow_the_previous_date(parse):
    found = events(parse(DATELINE + "Le chancelier sera à Moscou mardi 15 février, un jour après son passage à Kiev. "
                                    "La veille, il avait appelé Paris."))
    assert found["un jour après"] == ("2022-02-14", "day")  # Kiev, the day before Moscow
    assert found["La veille"] == ("2022-02-13", "day")
    article = parse(DATELINE + "La Crimée a été annexée en 2014 et la guerre a éclaté la même année.")
    assert events(article)["la même année"] == ("2014", "year")


def test_events_keep_their_sentence(parse):
    article = parse(DATELINE + "Le ministre a parlé mardi devant la presse. Il repart.")
    (event,) = [e for e in article.events if e.expression == "mardi"]
    assert event.sentence == "Le ministre a parlé mardi devant la presse."


@pytest.mark.parametrize(
    "page, published",
    [
        ("Titre de la dépêche du jour\nPublié: 21.02.2024, 18h32\nLe texte.", "2024-02-21"),
        ("Titre de la dépêche du jour\nMis à jour le 27 juin 2023 à 18h42\nLe texte.", "2023-06-27"),
        ("Titre de la dépêche du jour\nPARIS, 14 mars 2022 (AFP) - Le ministre a parlé.", "2022-03-14"),
        ("Titre de la dépêche du jour\nGenève, le 21 janvier 2022 - Le ministre a parlé.", "2022-01-21"),
        ("Titre de la dépêche du jour\nhttps://www.exemple.fr/monde/2022/02/12/un-appel_123.html\nLe texte.", "2022-02-12"),
    ],
)
def test_the_page_states_its_date(parse, page, published):
    article = parse(page)
    assert (article.published, article.published_precision, article.published_basis) == (published, "day", "dateline")


def test_a_dateline_without_a_year_takes_the_year_the_text_fixes(parse):
    fixed = parse("Titre de la dépêche du jour\nPARIS, 14 mars (AFP) - Le sommet du 2 mars 2022 a échoué.")
    assert fixed.published == "2022-03-14"
    assert "14 mars" not in events(fixed)  # the dateline's date is the publication, not an event
    assert parse("Titre de la dépêche du jour\nPARIS, 14 mars (AFP) - Le ministre a parlé.").published is None


def test_the_text_is_read_from_its_last_update(parse):
    # Published on Thursday 14 March, updated on Friday 15: "vendredi matin" in the past is the 15th.
    article = parse("Titre de la dépêche du jour\nPublié le 14 mars 2024 à 18h05 · Mis à jour le 15 mars 2024 à 8h40\n"
                    "Le président a confirmé vendredi matin la date du vote.")
    assert (article.published, article.updated) == ("2024-03-14", "2024-03-15")
    assert events(article) == {"vendredi": ("2024-03-15", "day")}


@pytest.mark.parametrize(
    "sentence, expression, expected",
    [
        ("Le titre a cédé 23 % depuis janvier.", "depuis janvier", ("2022-01", "month")),
        ("Il a détourné de l'argent entre 2016 et 2021.", "2021", ("2021", "year")),
        ("Elle est élue depuis 2014.", "depuis 2014", ("2014", "year")),
        ("L'été 2021 avait vu les glaciers fondre.", "L'été 2021", ("2021", "year")),
        ("Il a été réélu le mois dernier.", "le mois dernier", ("2022-01", "month")),
        ("Le texte devait être adopté avant la fin de la présidence, ce vendredi.", "ce vendredi", ("2022-02-11", "day")),
        ("La réunion de lundi a tourné court.", "lundi", ("2022-02-07", "day")),
    ],
)
def test_more_expressions(parse, sentence, expression, expected):
    assert events(parse(DATELINE + sentence))[expression] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Quelque 2000 soldats sont arrivés.",  # a count, not a year
        "Le plan « Cap 2026 » supprime des postes.",  # a name
        "« Aujourd'hui, on compte mieux les hectares que les vies », a-t-elle déclaré.",  # "nowadays"
        "Il a plu beaucoup pour un mois de mai.",  # any May
        "Le sommet aura lieu à l'automne.",  # which autumn is not said
        "Les exercices doivent se terminer le 1er février.",  # future, but 1 February is past: a slip
    ],
)
def test_not_dates(parse, sentence):
    assert events(parse(DATELINE + sentence)) == {}


def test_undated_articles_leave_their_weekdays_undated(parse):
    assert events(parse("Titre de la dépêche du jour\nLe ministre a parlé samedi et parlera lundi.")) == {}


def test_a_date_qualifying_a_noun_does_not_take_the_verbs_past(parse):
    article = parse("Titre de la dépêche du jour\nPublié le 30 décembre 2021\n"
                    "L'entretien a préparé le terrain pour des négociations à Genève en janvier.")
    assert events(article)["en janvier"] == ("2022-01", "month")
