"""Coreference within one article: pronouns, quote speakers and definite descriptions -> the entity they refer to.

The relation rules read an article's entities through `Clause.names`. For each pronoun or description that
refers to an entity named earlier in the article, this step adds a `Named` marked `coref` with that entity's
key, so every rule sees `hun` in `Der møtte hun lederne` as the person she is, with no rule of its own. A
coreferent mention is never a name of its entity (it gives no alternate name).

- third-person `han`/`hun`/`ho`: the most recent person that agrees in gender (from the first name, by
  gender-guesser's Norwegian and international name lists; unknown agrees with both), looking back through the
  sentence and the three before it; in an earlier sentence its subject is preferred;
- first-person `jeg`/`vi`/`eg`/`me` inside a quote: the quote's speaker (`– Vi krever ..., sier Kari Lie.`),
  also over the sentences of a quote the speaker closes (`– ... . – ..., sa hun.`);
- `sistnevnte` (the latter): the person named last;
- `53-åringen` (the 53-year-old): the person the article gave that age (`Kari Lie (53)`), else the last person
  named, as a pronoun of either gender;
- `de to`, `begge`, `dei har begge`, and `de to` or `begge` before a title or a noun for people in the plural
  (`de to forsvarsministrene`, `de to kollegaene`; lexicon `pair_nouns`): the two people named last (several
  mentions with one span, which `Clause.keys_of` reads as all of them); nobody where a third person, or two
  coordinated countries or organisations, come in first;
- `de`/`dei` alone as the subject: the people named as the coordinated subject of the sentence right before
  (`Kari Lie og Per Holm kom. Der ble de tatt imot av ...`), each by name; nobody where that subject is one
  person, or anything but named people, or another sentence comes between, or the pronoun's own sentence names
  two people before it (`A og B sa at de ...`);
- `partiet`, `selskapet`, `forbundet`, `landet` and their kin (lexicon `coreferent_nouns`): the most recent
  entity of that sort (a party, an organisation, a country), earlier in the sentence or before it; an
  organisation whose name holds the noun (`Det Norske Teatret` for `teateret`) first; not in the plural
  (`dei baltiske landa` are several, not the country named last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg.extract.clause import is_definite
from kg.extract.gazetteer import ends_with, fold, gender, lexicon, lexicon_pairs, party_of, title_of, verb_in
from kg.extract.names import Named
from kg.extract.tokens import morph, texts_of, tokens_of
from kg.types import GPE, ORGANIZATION, PERSON

_THIRD = {"han": "male", "ham": "male", "hun": "female", "ho": "female", "henne": "female", "hon": "female"}
_FIRST = {"jeg", "eg", "vi", "me", "meg", "oss", "vår", "vårt", "våre", "min", "mitt", "mine"}
_LATTER = {"sistnevnte", "sistnemnde"}
_LOOK_BACK = 3  # sentences
_AGED = re.compile(r"(\d{1,3})-åring(?:en|a)")  # `53-åringen`: the one of that age


@dataclass
class Coreference:
    """Walks an article's sentences in order; `resolve` gives the coreferent mentions of the next sentence."""

    sentences: list[Span]  # the whole article, so a quote can be closed by its speaker further on
    history: list[tuple[int, list[Named], set[int]]] = field(default_factory=list)  # sentence, names, subjects
    genders: dict[str, str] = field(default_factory=dict)  # person key -> gender, from full names seen
    speech: dict[int, Token | None] = field(default_factory=dict)  # sentence index -> its speech verb

    def resolve(self, index: int, names: list[Named], credit: bool = False) -> list[Named]:
        """Coreferent mentions in sentence `index` (whose own names are `names`); then remembers its names, but not
        those of a photo credit (`Foto: NAME / NTB`: the photographer is no one a later `han` speaks of)."""
        sent = self.sentences[index]
        for named in names:
            self._learn(named)
        taken = {i for n in names for i in range(n.start, n.end)}
        spoken: list[Named | None] = []

        def speaker() -> Named | None:  # worked out at the first `jeg`/`vi` of the sentence, if any
            if not spoken:
                spoken.append(self._speaker(index, names))
            return spoken[0]

        describing = lexicon_pairs("coreferent_nouns")  # looked up before `is_definite`, which costs more
        found: list[Named] = []
        pairs: list[Token] = []  # `de to`, `begge`: read once the sentence's other references are known
        subjects: set[int] = set()
        for token, text in zip(tokens_of(sent), texts_of(sent), strict=True):  # (one walk for the three)
            if token.dep_ == "SUBJ":
                subjects.add(token.i)
            if token.i in taken:
                continue
            word, pos = fold(text), token.pos_
            target = None
            if pos == "PRON" and word in _THIRD:
                target = self._person(index, names + found, token, _THIRD[word])
            elif pos in {"PRON", "DET"} and word in _FIRST and speaker() and (
                    _quoted(token, sent) or _inverted_speech(self._speech_verb(index))):
                target = speaker()
            elif word in _LATTER:
                target = self._latest_person(names + found, token)
            elif pos in {"NOUN", "PROPN"} and "åring" in word and (age := _AGED.fullmatch(word)):
                target = self._aged(index, names + found, token, age.group(1))
            elif pos == "NOUN" and fold(token.lemma_) in describing and is_definite(token) and \
                    "Plur" not in morph(token, "Number"):  # `landa`, `partiene`: several, not the one named last
                target = self._described(index, names, token)
            if target is not None:
                found.append(replace(target, start=token.i, end=token.i + 1, coref=True))
            if _names_two(token):
                pairs.append(token)
        plural = [replace(member, start=token.i, end=token.i + 1, coref=True) for token in pairs
                  for member in self._pair(names + found, token)]
        if any(word in _THEY for word in texts_of(sent)):  # (most sentences have no `de`: no token looked at)
            plural += [replace(member, start=token.i, end=token.i + 1, coref=True) for token in tokens_of(sent)
                       if token.i not in taken and token not in pairs and _they(token)
                       and sum(n.kind == PERSON and n.end <= token.i for n in names) < 2  # `A og B sa at de`
                       for member in self._coordinated_subjects(index)]
        self.history.append((index, [] if credit else sorted(names + found, key=lambda n: n.start), subjects))
        return found + plural

    def _pair(self, names: list[Named], token: Token) -> list[Named]:
        """`de to`, `begge`: the two people named last, before it in the sentence or, counting back, in the
        sentences before; nobody where a third person comes in before two are found."""
        people: dict[str, Named] = {}
        scanned = [(token.doc, [n for n in names if n.end <= token.i])] + [
            (self.sentences[i].doc, seen) for i, seen, _ in reversed(self.history[-_LOOK_BACK:])]
        for doc, seen in scanned:
            if _coordinated_others(seen, doc):
                return []  # `Norge og Sverige ...`: the two may be these
            for named in reversed(seen):
                if named.kind == PERSON:
                    people.setdefault(named.key, named)
            if len(people) >= 2:
                break
        return list(people.values())[::-1] if len(people) == 2 else []  # in the order they were named

    def _coordinated_subjects(self, index: int) -> list[Named]:
        """`A og B kom til Bergen. Der møtte de ...`: the people named as the coordinated subject of the sentence
        right before (two or more, each by name); nobody where that subject is anything else."""
        if not self.history or self.history[-1][0] != index - 1:
            return []
        _, seen, subjects = self.history[-1]
        doc = self.sentences[index - 1].doc
        at = {i: n for n in seen if not n.coref for i in range(n.start, n.end)}

        def name_of(token: Token) -> Named | None:  # its name, or that of the name the parse hung on its title
            return at.get(token.i) or next((at[c.i] for c in token.children if c.dep_ == "FLAT" and c.i in at), None)

        for subject in sorted(subjects):
            people = [name_of(t) for t in (doc[subject], *(c for c in doc[subject].children if c.dep_ == "KOORD"))]
            if len(people) >= 2 and all(p is not None and p.kind == PERSON for p in people):
                return people  # type: ignore[return-value]
        return []

    def _learn(self, named: Named) -> None:
        if named.kind == PERSON and not named.coref and " " in named.name and named.key not in self.genders:
            if found := gender(named.name.split()[0]):
                self.genders[named.key] = found

    def _gender_of(self, named: Named) -> str | None:
        if named.key in self.genders:
            return self.genders[named.key]
        surname = fold(named.name.split()[-1])  # a surname alone: the gender of the full name it ends
        return next((g for key, g in self.genders.items() if key.split()[-1] == surname), None)

    def _person(self, index: int, names: list[Named], token: Token, wanted: str | None) -> Named | None:
        agrees = lambda n: n.kind == PERSON and (wanted is None or self._gender_of(n) in {wanted, None})  # noqa: E731
        before = [n for n in names if n.end <= token.i and agrees(n)]
        if before:
            return before[-1]
        if any(t.i < token.i and t.dep_ == "SUBJ" and t.pos_ == "NOUN" and is_definite(t) and title_of(t.lemma_)
               for t in tokens_of(token.sent)):
            return None  # `Den ukrainske presidenten kommer fra USA, der han møtte ...`: `han` is the president
        for sent_index, seen, subjects in reversed(self.history[-_LOOK_BACK:]):
            if index - sent_index > _LOOK_BACK:
                break
            candidates = [n for n in seen if agrees(n)]
            if candidates:
                return next((n for n in candidates if n.start in subjects), candidates[0])
        return None

    def _aged(self, index: int, names: list[Named], token: Token, age: str) -> Named | None:
        """`53-åringen`: the person the article gave that age (`Kari Lie (53)`), else the one a pronoun of either
        gender would stand for."""
        earlier = [(token.doc, [n for n in names if n.end <= token.i])] + [
            (self.sentences[i].doc, seen) for i, seen, _ in reversed(self.history)]
        for doc, seen in earlier:
            for named in reversed(seen):
                after = [t.text for t in doc[named.end:named.end + 2]]
                if named.kind == PERSON and not named.coref and after == ["(", age]:
                    return named
        return self._person(index, names, token, None)

    def _latest_person(self, names: list[Named], token: Token) -> Named | None:
        """`sistnevnte`: the person named last before it, in this sentence or the one before."""
        before = [n for n in names if n.end <= token.i and n.kind == PERSON]
        if before:
            return before[-1]
        seen = self.history[-1][1] if self.history else []
        return next((n for n in reversed(seen) if n.kind == PERSON), None)

    def _speaker(self, index: int, names: list[Named]) -> Named | None:
        """The named speaker of the quote sentence `index` belongs to: its own `sier X`, or that of the next
        sentence of the same paragraph when this one opens a quote the next one closes."""
        for i in range(index, min(index + 3, len(self.sentences))):
            sent = self.sentences[i]
            if i > index and sent.doc is not self.sentences[index].doc:
                return None  # another paragraph
            verb = self._speech_verb(i)
            if verb is not None:
                subject = next((c for c in verb.children if c.dep_ == "SUBJ"), None)
                if subject is None:
                    return None
                if i == index:
                    named = next((n for n in names if n.start <= subject.i < n.end), None)
                else:
                    named = self._name_in(sent, subject)
                if named is None and fold(subject.text) in _THIRD:
                    named = self._person(index, names, sent[0], _THIRD[fold(subject.text)])
                return named if named is not None and named.kind == PERSON else None
            if not sent.text.lstrip().startswith(("–", "-", "«", '"')):
                return None
        return None

    def _speech_verb(self, index: int) -> Token | None:
        """The speech verb (`sier`, `skriver`) heading or closing sentence `index`, looked up once."""
        if index not in self.speech:
            self.speech[index] = next((t for t in tokens_of(self.sentences[index]) if t.pos_ == "VERB" and t.dep_ in
                                       {"PAR", "ROOT"} and verb_in(t, lexicon()["speech_verbs"])), None)
        return self.speech[index]

    def _name_in(self, sent: Span, token: Token) -> Named | None:
        """A name of an earlier sentence that `token` repeats (its key by the folded text)."""
        words = [token] + [c for c in token.children if c.dep_ == "FLAT"]  # `Gaute Eiterjord`, not `Gaute`
        text = fold(" ".join(t.text for t in sorted(words, key=lambda t: t.i)))
        for _, seen, _ in reversed(self.history):
            for named in seen:
                if not named.coref and text in {fold(named.name), fold(named.name.split()[-1])}:
                    return named
        return None

    def _described(self, index: int, names: list[Named], token: Token) -> Named | None:
        """`partiet`, `landet`, `forbundet`: the most recent entity of the noun's sort, earlier in the sentence or in
        the sentences before. An organisation whose name holds the noun (`Det Norske Teatret` for `teateret`,
        `Norges Skiforbund` for `forbundet`; not `Valgkomiteen i Norges Skiforbund`, `_head`) is preferred, however
        far back in the article, over another one named since (a theatre the new director once worked at)."""
        word = fold(token.lemma_)
        sort = lexicon_pairs("coreferent_nouns").get(word)
        if sort is None or any(n.start == token.i + 1 and _is_sort(n, sort) for n in names):
            return None  # not a describing noun, or `partiet Venstre`: the name follows
        before = [n for n in reversed(names) if n.end <= token.i and _is_sort(n, sort)]
        recent = before + [n for _, seen, _ in reversed(self.history[-_LOOK_BACK:]) for n in reversed(seen)
                           if _is_sort(n, sort)]
        if sort == "organisation":
            earlier = before + [n for _, seen, _ in reversed(self.history) for n in reversed(seen)]
            if holder := next((n for n in earlier if _is_sort(n, sort) and word[:4] in _head(n.name)), None):
                return holder
        return recent[0] if recent else None


def _head(name: str) -> str:
    """The part of an organisation's name that says what it is: before its `i`/`for`/`ved` (`Valgkomiteen i Norges
    Fotballforbund` is a committee, not a federation)."""
    return re.split(r" (?:i|for|ved|på) ", fold(name), maxsplit=1)[0]


def _names_two(token: Token) -> bool:
    """A plural pronoun that stands for two people: `de to`/`dei to` as a noun phrase of its own (not `de to
    landene`), `begge` as one, or `de`/`dei` with `begge` floated beside it (`Dei har begge valt ...`)."""
    if token.dep_ not in _ARGUMENTS:
        return False  # (each reading below is an argument: most words are not)
    word = fold(token.text)
    if token.pos_ == "NOUN" and "Plur" in morph(token, "Number") and (
            title_of(token.text) or title_of(token.lemma_) or ends_with(token.lemma_, lexicon()["pair_nouns"])):
        before = [fold(c.text) for c in token.children if c.i < token.i]
        return "begge" in before or "to" in before and any(w in {"de", "dei"} for w in before)
    if word == "to":
        return any(fold(c.text) in {"de", "dei"} and c.i == token.i - 1 for c in token.children)
    if word == "begge":
        return True
    return word in {"de", "dei"} and token.dep_ == "SUBJ" and any(
        fold(c.text) == "begge" and c.i > token.i for c in token.head.children)


_ARGUMENTS = {"SUBJ", "DOBJ", "IOBJ", "PUTFYLL"}


_THEY = frozenset({"de", "De", "dei", "Dei"})


def _they(token: Token) -> bool:
    """`de`/`dei` as the subject, on its own (not `de to`, `de andre`, `dei har begge`: `_names_two`)."""
    return token.dep_ == "SUBJ" and token.pos_ == "PRON" and fold(token.text) in {"de", "dei"} \
        and not any(c.dep_ in {"DET", "ATR", "APP"} for c in token.children) and not _names_two(token)


def _coordinated_others(names: list[Named], doc: Doc) -> bool:
    """Two countries or organisations coordinated with each other (`Norge og Sverige`)."""
    others = {i: n for n in names if n.kind != PERSON for i in range(n.start, n.end)}
    return any(doc[n.start].dep_ == "KOORD" and (head := others.get(doc[n.start].head.i)) is not None
               and head.kind == n.kind and head.key != n.key for n in others.values())


def _is_sort(named: Named, sort: str) -> bool:
    if sort == "party":
        return named.kind == ORGANIZATION and party_of(named.name) is not None
    if sort == "country":
        return named.kind == GPE and named.key.startswith("country:")
    return named.kind == ORGANIZATION and party_of(named.name) is None


def _inverted_speech(verb: Token | None) -> bool:
    """`..., sier Lippestad.`: a speech verb after the words it reports marks them as direct speech."""
    return verb is not None and verb.dep_ == "PAR"


def _quoted(token: Token, sent: Span) -> bool:
    """A word inside direct speech: the sentence opens with a dash or quotation mark, or the word is between
    quotation marks."""
    if sent.text.lstrip().startswith(("–", "-", "«", '"')):
        return True
    before = sent.doc[sent.start:token.i].text
    return before.count("«") > before.count("»")
