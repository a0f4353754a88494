"""Who an article talks about: its people and organisations as clusters of mentions, with the
gender, roles and salience that let a role noun ("la ministre") or a pronoun find its entity.

Everything is read from the spaCy parse of the article and from general French: honorifics,
determiners, the morphology of appositions, predicates and participles, and the model's word
vectors for telling a noun of people ("la chercheuse") from a thing ("la journée").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..entities import role_after, role_before
from ..lexicon import (
    FUNCTION_WORDS, HONORIFICS, INSTITUTION_NOUNS, LEADER_NOUNS, PEOPLE_NOUNS, PERSON_ROLE_NOUNS, THING_NOUNS, fold,
)
from ..records import ORGANIZATION, PERSON, Entity, Mention

MASC, FEM = "Masc", "Fem"
_FEMININE_HONORIFICS = frozenset({"mme", "mme.", "mlle", "mmes"})
_FEMININE_ENDINGS = ("ée", "eure", "euse", "rice", "ienne", "ère", "enne", "esse", "ante")
_AGENT_SUFFIXES = ("eur", "euse", "rice", "iste", "ien", "ienne")
_LEADERS = frozenset(fold(n) for n in LEADER_NOUNS)


@dataclass(frozen=True)
class Role:
    """A description the article gave an entity ("la porte-parole du gouvernement")."""

    head: str  # folded lemma of the head noun: "porte-parole"
    words: frozenset[str]  # its other content words, folded
    text: str
    start: int


@dataclass
class Cluster:
    """One person or organisation of the article, with everything known about it."""

    entity: Entity
    gender: str | None = None
    roles: list[Role] = field(default_factory=list)
    salience: float = 0.0
    gender_votes: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.entity.name

    @property
    def kind(self) -> str:
        return self.entity.kind

    @property
    def first(self) -> int:
        return min(m.start for m in self.entity.mentions)

    def mention_before(self, position: int) -> Mention | None:
        earlier = [m for m in self.entity.mentions if m.start < position]
        return max(earlier, key=lambda m: m.start) if earlier else None

    def decide_gender(self) -> None:
        if self.gender_votes:
            best = max(self.gender_votes, key=self.gender_votes.get)
            if self.gender_votes[best] > 2 * self.gender_votes.get(MASC if best == FEM else FEM, 0.0):
                self.gender = best

    def vote(self, gender: str | None, weight: float) -> None:
        if gender in (MASC, FEM):
            self.gender_votes[gender] = self.gender_votes.get(gender, 0.0) + weight


def gender_of(token) -> str | None:
    values = token.morph.get("Gender")
    return values[0] if len(values) == 1 else None


def phrase_gender(tokens) -> str | None:
    """Gender of a noun phrase, from its own determiner and adjectives first (`la ministre`: the
    noun is epicene, the article is not), then from its head noun; complements (`de la Gironde`)
    say nothing about it."""
    tokens = list(tokens)
    nouns = [i for i, t in enumerate(tokens) if t.pos_ == "NOUN"]
    if not nouns:
        return None
    head_at = next((i for i in nouns if person_likeness(tokens[i]) > 0), nouns[0])
    head = tokens[head_at]
    # The determiner and adjectives next to the head, nearest first.
    near = list(reversed(tokens[max(0, head_at - 3) : head_at])) + [t for t in tokens[head_at + 1 : head_at + 3] if t.pos_ == "ADJ"]
    for token in near:
        if token.pos_ in ("DET", "ADJ") and token.lower_ not in ("l'", "l’", "les", "des", "leur", "leurs"):
            gender = gender_of(token)
            if gender:
                return gender
        elif token.pos_ not in ("DET", "ADJ"):
            break
    return noun_gender(head)


def noun_gender(noun) -> str | None:
    """A noun's gender where French marks it: a feminine ending on a masculine lemma (`députée`,
    `rapporteure`, `chercheuse`, `directrice`) before the tagger's guess."""
    word, lemma = noun.lower_, noun.lemma_.lower()
    if (word != lemma and word == lemma + "e") or word.endswith(_FEMININE_ENDINGS):
        return FEM
    return gender_of(noun)


@lru_cache(maxsize=1)
def _centroids(vocab):
    import numpy as np

    def centre(words):
        vectors = [vocab[w].vector / np.linalg.norm(vocab[w].vector) for w in words if vocab[w].has_vector]
        mean = np.mean(vectors, axis=0)
        return mean / np.linalg.norm(mean)

    return centre(sorted(PEOPLE_NOUNS)), centre(sorted(THING_NOUNS))


def person_likeness(token) -> float:
    """> 0 when the noun reads as one for people: nearer the centre of general nouns of people
    than of nouns of things and events, by the model's vectors; known lexicon words decide."""
    import numpy as np

    lemma = token.lemma_.lower()
    if lemma in PERSON_ROLE_NOUNS or token.lower_ in PERSON_ROLE_NOUNS or lemma in PEOPLE_NOUNS:
        return 1.0
    if lemma in THING_NOUNS or lemma in INSTITUTION_NOUNS:
        return -1.0  # "le ministère" is a body, however near "ministre" its vector lies
    lexeme = token.vocab[token.lower_]
    if not lexeme.has_vector:
        return 0.0
    people, things = _centroids(token.vocab)
    vector = lexeme.vector / np.linalg.norm(lexeme.vector)
    score = float(vector @ people - vector @ things)
    if token.lower_.endswith(_AGENT_SUFFIXES):
        score += 0.1  # agent nouns: "urbaniste", "chroniqueuse"
    return score


def dislocated_gender(span) -> str | None:
    """`Claude Perrin, elle, ne cachait pas …`: a name set off by a stressed pronoun is the
    subject of its sentence, and the pronoun gives its gender."""
    following = span.doc[span.end : span.end + 3]
    if len(following) == 3 and following[0].text == "," and following[2].text == "," and following[1].lower_ in ("elle", "lui"):
        return FEM if following[1].lower_ == "elle" else MASC
    return None


def is_institution_noun(token) -> bool:
    return token.lemma_.lower() in INSTITUTION_NOUNS or token.lower_ in INSTITUTION_NOUNS


def role_of(span) -> Role | None:
    """A role span as head noun and content words: "ministre de l'Intérieur" → ("ministre", {"interieur"})."""
    nouns = [t for t in span if t.pos_ == "NOUN"]
    if not nouns:
        return None
    # "un communiqué de la porte-parole de …": the role is the first noun of people.
    head = next((t for t in nouns if person_likeness(t) > 0), nouns[0])
    words = frozenset(fold(t.lemma_) for t in span if t.i != head.i and t.is_alpha and fold(t.text) not in FUNCTION_WORDS)
    return Role(fold(head.lemma_), words, span.text, span.start_char)


def same_head(a: str, b: str) -> bool:
    return a == b or (a in _LEADERS and b in _LEADERS)


class Mentions:
    """The clusters of one article, built once, and the lookups attribution needs."""

    def __init__(self, doc, entities: list[Entity]):
        self.doc = doc
        self.clusters = [Cluster(e) for e in entities if e.kind in (PERSON, ORGANIZATION) and e.mentions]
        self.owner: dict[int, Cluster] = {}  # token index → cluster of the mention it is in
        for cluster in self.clusters:
            for mention in cluster.entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for token in span or []:
                    self.owner[token.i] = cluster
        for cluster in self.clusters:
            self._describe(cluster)
        self._pronoun_evidence()
        for cluster in self.clusters:
            cluster.decide_gender()
        self.by_name = {c.name: c for c in self.clusters}

    # --- building ------------------------------------------------------------------------------
    def _describe(self, cluster: Cluster) -> None:
        doc = self.doc
        for mention in cluster.entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            tokens = list(span)
            cluster.salience += 1.0
            previous = doc[span.start - 1] if span.start > 0 else None
            if previous is not None and previous.lower_ in HONORIFICS:
                cluster.vote(FEM if previous.lower_ in _FEMININE_HONORIFICS else MASC, 3.0)
            for role_span in (role_before(tokens), role_after(tokens), self._predicate(span), self._apposed(span)):
                if role_span is not None and len(role_span):
                    self._add_role(cluster, role_span)
            cluster.vote(dislocated_gender(span), 3.0)
            head = span.root
            if head.dep_.startswith("nsubj"):
                cluster.salience += 0.5
                verb = head.head
                cluster.vote(self._agreement(verb), 2.0)
                for clause in verb.children:  # "Invitée la veille, X a écarté …"
                    if clause.dep_ in ("advcl", "acl") and clause.i < head.i:
                        cluster.vote(self._agreement(clause, bare=True), 2.0)
        if cluster.kind == ORGANIZATION:
            # "l'Agence de régulation …": the name's own head noun gives its grammatical gender.
            first = doc.char_span(cluster.entity.mentions[0].start, cluster.entity.mentions[0].end, alignment_mode="expand")
            if first is not None and len(first) and first[0].pos_ == "NOUN":
                cluster.vote(gender_of(first[0]), 1.0)
                self._add_role(cluster, first[:1])

    def _pronoun_evidence(self) -> None:
        """`X a quitté la salle. Elle reviendra.`: a sentence opening on il/elle continues the one
        person who was the subject of the sentence before."""
        previous_subjects: list[Cluster] = []
        for sentence in self.doc.sents:
            subject = next((t for t in sentence if t.dep_.startswith("nsubj")), None)
            if subject is not None and subject.lower_ in ("il", "elle") and len(set(map(id, previous_subjects))) == 1:
                previous_subjects[0].vote(FEM if subject.lower_ == "elle" else MASC, 1.0)
            previous_subjects = [
                self.owner[t.i] for t in sentence if t.dep_ == "nsubj" and t.i in self.owner and self.owner[t.i].kind == PERSON
            ]

    def _add_role(self, cluster: Cluster, span) -> None:
        role = role_of(span)
        if role is None or (cluster.kind == PERSON and not any(t.pos_ == "NOUN" and person_likeness(t) > 0 for t in span)):
            return  # "Invitée sur une chaîne d'information, X": a circumstance, not a role
        cluster.roles.append(role)
        determiner = self.doc[span.start - 1] if span.start > 0 else None
        tokens = ([determiner] if determiner is not None and determiner.pos_ == "DET" else []) + list(span)
        if cluster.kind == PERSON:
            cluster.vote(phrase_gender(tokens), 2.0)

    def _predicate(self, span):
        """`X est la porte-parole du groupe`: the predicate nominal of a copula with X as subject."""
        head = span.root
        verb = head.head
        if not head.dep_.startswith("nsubj") or verb.pos_ != "NOUN" or not any(c.dep_ == "cop" for c in verb.children):
            return None
        return self._noun_phrase(verb)

    def _apposed(self, span):
        """An apposition the parser tied to the name, after it (`Anh Lê Van, coordinatrice de
        l'étude`) or before it (`le ministre délégué à la Consommation, Bertrand Kowalczyk`)."""
        root = span.root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > span.end - 1:
                return self._noun_phrase(child)
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < span.start:
            return self._noun_phrase(root.head)
        return None

    def _noun_phrase(self, noun):
        """The noun with its adjectives and `de` complements, up to a comma or a verb."""
        end = noun.i
        for token in self.doc[noun.i + 1 : noun.i + 10]:
            if token.is_punct or token.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or token.i in self.owner:
                break
            end = token.i
        return self.doc[noun.i : end + 1]

    @staticmethod
    def _agreement(verb, bare: bool = False) -> str | None:
        """`s'est dite`, `est arrivée`, `interrogée`: a participle or adjective agreeing with its subject."""
        participle = verb.pos_ in ("VERB", "ADJ") and ("Part" in verb.morph.get("VerbForm") or verb.pos_ == "ADJ")
        with_etre = any(c.dep_ in ("aux:pass", "cop") or (c.dep_ == "aux:tense" and c.lemma_ == "être") for c in verb.children)
        if participle and (bare or with_etre):
            gender = gender_of(verb)
            return gender if gender == FEM else None  # the masculine form is also the unmarked one
        return None

    # --- lookups ---------------------------------------------------------------------------------
    def cluster_at(self, token) -> Cluster | None:
        return self.owner.get(token.i)

    def holders(self, role: Role, gender: str | None, kinds=(PERSON,)) -> list[tuple[float, Cluster]]:
        """Clusters the article gave this role, scored: shared words and salience; disagreeing gender excludes."""
        scored = []
        for cluster in self.clusters:
            if cluster.kind not in kinds or (gender and cluster.gender and gender != cluster.gender):
                continue
            fits = [r for r in cluster.roles if same_head(r.head, role.head)]
            if not fits:
                continue
            best = max(len(role.words & (r.words | _all_words(cluster))) - 0.5 * len(role.words - _all_words(cluster)) for r in fits)
            scored.append((best + 0.1 * cluster.salience, cluster))
        return sorted(scored, key=lambda pair: -pair[0])

    def likely_holders(self, role: Role, gender: str | None, position: int) -> list[tuple[float, Cluster]]:
        """When nobody was given the role in so many words: the people it could still be, scored
        by salience, known agreement, closeness to the role (a name often follows it: `… a
        prévenu le président du club. Serge Altmann avait …`) and freedom from other titles."""
        scored = []
        for cluster in self.clusters:
            if cluster.kind != PERSON or (gender and cluster.gender and gender != cluster.gender):
                continue
            if not any(len(m.text.split()) >= 2 for m in cluster.entity.mentions):
                continue  # news introduces a person by full name: a lone word may be a club or a town
            nearest = min(abs(m.start - position) for m in cluster.entity.mentions)
            score = 0.2 * min(cluster.salience, 5) + (0.5 if gender and cluster.gender == gender else 0.0)
            score += 1.0 - min(nearest, 800) / 800
            if cluster.roles:
                score -= 1.0  # someone with another title is less likely to be this one
            scored.append((score, cluster))
        return sorted(scored, key=lambda pair: -pair[0])


def _all_words(cluster: Cluster) -> frozenset[str]:
    return frozenset().union(*(r.words for r in cluster.roles)) if cluster.roles else frozenset()
