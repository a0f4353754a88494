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
    assert "Publié le 9 février 2022" in article.published_basis
    assert all("Publié" not in p for p in article.paragraphs)  # page furniture, not text


def test_publication_from_numeric_published_line(parse):
    assert parse("Titre de la dépêche du jour\nPublié le 09/02/2022\nLe texte.").published == "2022-02-09"


def test_publication_from_an_explicit_past_date(parse):
    article = parse("Titre de la dépêche du jour\nLes deux présidents ont conclu jeudi 30 décembre 2021 un entretien.")
    assert article.published == "2021-12-30"


def test_weekday_alone_pins_the_year_of_a_day_and_month(parse):
    article = parse("Titre de la dépêche du jour\nLes deux présidents ont conclu jeudi 30 décembre un entretien.")
    assert article.published == "2021-12-30"  # the latest year, not after this one, where 30/12 is a Thursday


def test_month_date_line_and_weekdays_give_the_day(parse):
    article = parse(" date 2022-03 Le ministre a annoncé mercredi une rencontre prévue le 4 avril.\nElle se tiendra à Genève.")
    assert article.published == "2022-03-30"  # the last Wednesday of March before 4 April
    month_only = parse(" date 2022-03 Le ministre parle de la crise.\nRien de neuf.")
    assert (month_only.published, month_only.published_basis) == ("2022-03", "date line « 2022-03 »")


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
