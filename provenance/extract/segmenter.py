"""Claim segmentation: the attributed statements of a document's sentences.

Reads the sentences (``provenance.lang.en.sentences``) and the rules of ``data/rules.toml``
(``provenance.extract.rules``); writes Claims with speaker, cue, content, kind, rule and cue
lemma. Stance, date and speaker names are later stages. A rule that comes first in
rules.toml wins a cue; a content that would be empty is skipped (refuse to guess).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from provenance import tables
from provenance.extract import front, rules, runon, scan
from provenance.lang.en import sentences
from provenance.lang.en import words as english
from provenance.lang.en.tokens import PIECE
from provenance.model import Claim, Document, Kind, Span, Stance, claim_id

_TRIM_END = " \t\xa0.,;:—–-"
_TRIM_START = " \t\xa0,;:—–-"
_OPENERS = "“\"'‘"
_CLOSERS = "”\"'’"
_QUOTE_CHARS = re.compile(r"[“”\"]|''")
_SKIP_CLAIMED = True  # skip anchors whose match would lose (tests check it changes nothing)


@attrs.frozen
class Candidate:
    """A rule match before selection: spans in document offsets."""

    rule: int
    rule_id: str
    speaker: Span | None
    cue: Span
    content: tuple[Span, ...]
    inherit_speaker: bool


def segment(document: Document, sentences: Sequence[Span]) -> tuple[Claim, ...]:
    """The claims of ``document`` found in ``sentences``, in text order."""
    found: list[Candidate] = []
    adjacent = False  # whether the sentence before held or went on with found[-1]
    quoted_to = -1  # the end of a quotation over paragraphs: no claim inside it
    for sentence in sentences:
        if sentence.start < quoted_to:
            continue
        if adjacent and (fragments := _runs_on(document.text, found[-1], sentence)):
            found[-1] = attrs.evolve(found[-1], content=(*found[-1].content, *fragments))
            quoted_to = fragments[-1].end
            continue
        chosen: list[Candidate] = []
        scanner = scan.Scan(sentence.text)
        if scanner.may_hold_claim():
            found_here = _candidates(document.text, sentence, scanner, _SKIP_CLAIMED)
            if any(c.inherit_speaker and not _heir(c, found_here) for c in found_here):
                found_here = _candidates(document.text, sentence, scanner, skip=False)
            chosen = list(_finish(document.text, _select(found_here))) if found_here else []
        went_on = (
            not chosen and bool(found) and _continues(document.text, found[-1], sentence, adjacent)
        )
        if went_on:
            found[-1] = attrs.evolve(found[-1], content=(*found[-1].content, _quoted(sentence)))
        found.extend(chosen)
        adjacent = bool(chosen) or went_on
    claims = [_claim(document, c) for c in found]
    return tuple(sorted(claims, key=lambda c: (c.content[0].start, c.cue.start if c.cue else 0)))


def _continues(text: str, last: Candidate, sentence: Span, adjacent: bool) -> bool:
    """Whether ``sentence``, a quotation alone, goes on with the quotation that ends
    ``last``, the claim just before it in the same paragraph (“…,” he said. “…”), or in
    the paragraph before when ``adjacent`` (the sentence before held or went on with
    ``last``): a quotation that runs over paragraphs, each opening with its mark."""
    if not _is_quotation(sentence.text) or not _is_quotation(last.content[-1].text):
        return False
    between = text[last.content[-1].end : sentence.start]
    if max(last.content[-1].end, last.cue.end) > sentence.start:
        return False
    return "\n" not in between or (adjacent and _paragraph_start(text, sentence))


def _runs_on(text: str, last: Candidate, sentence: Span) -> tuple[Span, ...] | None:
    """The fragments of a quotation over paragraphs that ``sentence`` opens, going on with
    the quotation that ends ``last`` (“…,” he said. “… ¶ “… ¶ “…”), or None."""
    fragment = last.content[-1]
    if not runon.opens(text, sentence.start) or max(fragment.end, last.cue.end) > sentence.start:
        return None
    if _is_quotation(fragment.text):
        return runon.run(text, sentence.start)
    if _open_to_next(text, fragment):
        return runon.run(text, sentence.start, going_on=True)
    return None


def _paragraph_start(text: str, sentence: Span) -> bool:
    """Whether ``sentence`` opens a paragraph (a line break, then only spaces, before it)."""
    line = text.rfind("\n", 0, sentence.start)
    return line >= 0 and not text[line + 1 : sentence.start].strip()


def _quoted(sentence: Span) -> Span:
    """The sentence as a content fragment (without a full stop after its closing mark)."""
    return _trim_span(sentence)


def _trim_span(span: Span) -> Span:
    """``span`` without trailing sentence punctuation outside its quotation marks."""
    text = span.text.rstrip(_TRIM_END)
    if not text or text[-1] not in _CLOSERS:
        return span
    return Span(start=span.start, end=span.start + len(text), text=text)


def _candidates(text: str, sentence: Span, scanner: scan.Scan, skip: bool) -> list[Candidate]:
    """Every match of every rule in one sentence whose cue is outside quotation marks.

    With ``skip``, a rule is not tried where its cue would start inside a quotation
    (see ``scan.Scan.live_matches``), nor at an anchor inside the cue of a candidate that
    ``_select`` keeps whatever the later rules find: its match there would share that
    cue and lose to it. Those kept candidates are chosen as ``_select`` chooses, among
    the rules before, until a rule that inherits its speaker has a candidate (whether
    ``_select`` keeps that one depends on the candidates of every rule). Skipped matches
    could only matter to such a candidate with no speaker before it: ``segment`` then
    asks again without skipping.
    """
    quotes = sentences.quotations(sentence.text)
    quoted = quotes if skip else []
    table = rules.rules()
    found: list[Candidate] = []
    kept: list[Candidate] = []
    keeping = skip
    base = sentence.start
    taken: list[tuple[int, int]] = []  # the cues of ``kept`` (never overlapping), in order
    for index in scanner.live():
        rule = table[index]
        here: list[Candidate] = []
        for match in scanner.live_matches(rule, taken, quoted):
            if any(lo < match.start("cue") < hi for lo, hi in quotes):
                continue
            candidate = _candidate(text, base, index, rule, match)
            if candidate is not None:
                here.append(candidate)
        found += here
        keeping = keeping and not (rule.inherit_speaker and here)
        if keeping and here:
            _choose(kept, sorted(here, key=lambda c: c.cue.start))
            taken = sorted((c.cue.start - base, c.cue.end - base) for c in kept)
    return found


def _candidate(
    text: str, base: int, index: int, rule: rules.Rule, match: re.Match[str]
) -> Candidate | None:
    """The spans of one match, trimmed; None when the content is empty."""
    groups = match.groupdict()
    content = tuple(
        span
        for name in ("content", "content2")
        if groups.get(name) is not None
        for span in [_trim(text, base + match.start(name), base + match.end(name))]
        if span is not None
    )
    cue = _trim(text, base + match.start("cue"), base + match.end("cue")) or _mark(
        text, base + match.start("cue"), base + match.end("cue")
    )
    if not content or cue is None:
        return None
    if len(content) == 1 and not rule.topic_content and rules.adjunct_only(content[0].text):
        return None
    lemma = cue_lemma(cue.text)
    after = content[0]  # the words after the cue, when the content follows it
    if after.start >= cue.end and not rules.complemented(lemma, text, after.start, after.end):
        return None
    first = front.after_dateline(text, content[0])
    if cue.end <= first.start:
        first = front.after_time(text, front.after_addressee(text, first, lemma))
    content = (first, *content[1:])
    if not all(_balanced(s.text) or _open_to_next(text, s) for s in content):
        return None
    speaker = None
    if groups.get("speaker") is not None:
        speaker = _trim(text, base + match.start("speaker"), base + match.end("speaker"))
    if speaker is not None and rules.rejects(speaker.text, cue.text, lemma):
        return None
    return Candidate(index, rule.id, speaker, cue, content, rule.inherit_speaker)


def _mark(text: str, start: int, end: int) -> Span | None:
    """A cue that is a punctuation mark alone (the colon of "Carson: …"); None if blank."""
    mark = text[start:end].strip()
    if not mark:
        return None
    start = text.index(mark, start)
    return Span.of(text, start, start + len(mark))


def _open_to_next(text: str, span: Span) -> bool:
    """Whether ``span`` ends its paragraph inside a quotation that the next paragraph goes
    on with, opening with its mark (“… is “really hard. ¶ “What we do …”)."""
    end = text.find("\n", span.end)
    if end < 0 or text[span.end : end].strip(" \t\xa0.,;:!?”\"’'"):
        return False
    after = runon.next_paragraph(text, end)
    return after >= 0 and runon.opens(text, after)


def _balanced(fragment: str) -> bool:
    """Whether every quotation opened in ``fragment`` is closed (else refuse to guess);
    curly and straight marks may pair with each other (“…")."""
    marks = fragment.count("“") + fragment.count("”") + fragment.replace("''", '"').count('"')
    return marks % 2 == 0 and fragment.count("”") <= fragment.count("“") + fragment.count('"')


def _trim(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding spaces and sentence punctuation; None if nothing is left."""
    while start < end and text[start] in _TRIM_START:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Span.of(text, start, end)


def _overlaps(a: Span | None, b: Span | None) -> bool:
    """Whether two spans share a character."""
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates in rule order; one whose cue or speaker clashes with a chosen one loses."""
    chosen: list[Candidate] = []
    candidates = [c for c in candidates if not c.inherit_speaker or _heir(c, candidates)]
    _choose(chosen, sorted(candidates, key=lambda c: (c.rule, c.cue.start)))
    return sorted(chosen, key=lambda c: c.cue.start)


def _choose(chosen: list[Candidate], candidates: Iterable[Candidate]) -> None:
    """Add to ``chosen``, in order, each candidate that clashes with none chosen."""
    for cand in candidates:
        if not any(_clashes(cand, other) for other in chosen):
            chosen.append(cand)


def _heir(cand: Candidate, candidates: list[Candidate]) -> bool:
    """Whether a candidate with a speaker comes before ``cand``, to inherit it from."""
    return any(o.speaker is not None and o.cue.start < cand.cue.start for o in candidates)


def _clashes(a: Candidate, b: Candidate) -> bool:
    """Two candidates that claim the same cue, or one's speaker is the other's cue; a
    claim nested whole in the other's speaker ("said Jo Roe, a lawyer who noted that …")
    does not clash with it."""
    if _overlaps(a.cue, b.cue) or a.content[0] == b.content[0]:
        return True
    if _nested(a, b) or _nested(b, a):
        return False
    return _overlaps(a.cue, b.speaker) or _overlaps(a.speaker, b.cue)


def _nested(inner: Candidate, outer: Candidate) -> bool:
    """Whether ``inner``'s speaker and cue lie inside ``outer``'s speaker."""
    host = outer.speaker
    if host is None or inner.speaker is None:
        return False
    return host.start <= inner.speaker.start and inner.cue.end <= host.end


def _finish(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """Chosen candidates with inherited speakers and contents cut before the next claim."""
    for i, cand in enumerate(chosen):
        if cand.inherit_speaker:
            earlier = [c.speaker for c in chosen[:i] if c.speaker is not None]
            if not earlier:
                continue
            cand = attrs.evolve(cand, speaker=earlier[-1])
        content = [_cut(text, span, chosen) for span in cand.content]
        if len(content) == 1 and content[0] is not None:
            content = [_subordinate_end(text, cand, _relative_end(text, cand, content[0]))]
        kept = tuple(span for span in content if span is not None)
        if len(kept) == len(content):
            yield cand if kept == cand.content else attrs.evolve(cand, content=kept)


@functools.cache
def _break() -> re.Pattern[str]:
    """What ends a content before a later claim: a comma, semicolon, colon or dash, or a
    word of ``content_breaks`` (rules.toml: "and", "while" …), just before that claim, or
    a comma and such a word before a clause set off before it ("…, and when asked about
    it, Jones replied …")."""
    words = "|".join(map(re.escape, tables.load("extract/rules")["content_breaks"]))
    return re.compile(
        rf"\s*(?:[,;:—–]|\s-)\s*(?:(?:{words})\s+)?$|\s+(?:{words})\s+$"
        rf"|\s*,\s*(?:{words})\s+[^,;:“”\"]{{1,100}},\s*$"
    )


def _cut(text: str, span: Span, chosen: list[Candidate]) -> Span | None:
    """The content span ended before a later claim that starts inside it after a comma
    or a joining word ("…, and Jones said …"; "… while Jones said …")."""
    end = span.end
    for other in chosen:
        start = min(s.start for s in (other.speaker, other.cue) if s is not None)
        if start <= span.start:  # a shared speaker before the span: cut at the cue
            start = other.cue.start
        if span.start < start < end and (found := _break().search(text, span.start, start)):
            end = found.start()
    return _trim(text, span.start, end) if end != span.end else span


@functools.cache
def _relative() -> tuple[frozenset[str], ...]:
    """The ``[relative]`` word sets of rules.toml: pronouns, finite verbs, the words a
    finite verb may follow inside the content, the words that open a clause, the verbs
    (other than cue words) that take a clause."""
    table = tables.load("extract/rules")["relative"]
    finite = frozenset(table["finite"])
    return (
        frozenset(table["pronouns"]),
        finite,
        frozenset(table["before_finite"]) | finite,
        frozenset(table["clause_openers"]),
        frozenset(table["clause_verbs"]),
    )


def _relative_end(text: str, cand: Candidate, span: Span) -> Span:
    """The content of a claim made in a relative clause ("who said …"), ended where the
    sentence's own predicate takes over: "The woman who reported that she added a third
    breast | was most likely lying". After the content's first verb (a finite auxiliary
    or a lower-case -ed word), a finite auxiliary that follows a word of the clause, not
    a pronoun, joining word or adverb, is the predicate of the relative pronoun's noun.
    Refuse to guess where the content holds a quotation, opens a clause of its own
    ("that", "who", "if" …) or holds a cue word or a verb of ``clause_verbs`` after its
    verb ("they had heard the economy was weak"): there a second verb may be the inner
    clause's."""
    pronouns, finite, blockers, openers, clause_verbs = _relative()
    if cand.speaker is None or cand.speaker.text.lower() not in pronouns:
        return span
    if span.start < cand.cue.end:
        return span
    cues = rules.lemmas()
    tokens = list(PIECE.finditer(span.text))
    verb_seen = False
    for i, match in enumerate(tokens):
        word = match.group().lower().replace("’", "'")
        if word in ("“", "”", '"', "''"):
            return span
        if verb_seen and word in finite:
            before = tokens[i - 1].group().lower().replace("’", "'")
            if before not in blockers and not before.endswith("ly"):
                return _trim(text, span.start, span.start + match.start()) or span
        if i > 0 and (word in openers or (verb_seen and (word in cues or word in clause_verbs))):
            return span
        lower_ed = match.group()[0].islower() and len(word) > 4 and word.endswith("ed")
        verb_seen = verb_seen or word in finite or lower_ed
    return span


@functools.cache
def _subordinate() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], int, frozenset[str]]:
    """The ``[subordinate]`` table of rules.toml: a pattern for a sentence-opening
    subordinator that ends where a speaker starts, the inner subordinators, the words that
    open a subject, the reach, and the finite verb forms ([relative] finite, lang/en past)."""
    table = tables.load("extract/rules")["subordinate"]
    words = sorted(table["openers"], key=len, reverse=True)
    openers = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    opening = re.compile(rf"(?:[.!?][\"”’']?\s+|\n\s*)(?:{openers})\s+$", re.IGNORECASE)
    finite = frozenset(tables.load("extract/rules")["relative"]["finite"]) | english.past_forms()
    return opening, frozenset(table["inner"]), frozenset(table["subjects"]), table["reach"], finite


def _subordinate_end(text: str, cand: Candidate, span: Span) -> Span:
    """The content of a claim made in an adverbial clause that opens its sentence
    ("Although Republicans claim that the law failed, | that isn't true"), ended at the
    comma where the main clause starts: a subject, then a finite verb before the next
    comma, within ``reach`` words. A subordinator inside the content takes the first such
    comma for its own clause ("that even if the rate fell, its enrollees had …"). Refuse
    to guess where the content holds a quotation."""
    opening, inner, subjects, reach, finite = _subordinate()
    first = cand.speaker or cand.cue
    if span.start < cand.cue.end:
        return span
    lo = max(0, first.start - 40)
    if not opening.search(("\n" if lo == 0 else "") + text[lo : first.start]):
        return span
    tokens = list(PIECE.finditer(span.text))
    words = [m.group().lower().replace("’", "'") for m in tokens]
    if any(w in ("“", "”", '"', "''") for w in words):
        return span
    opened = 0
    for i, word in enumerate(words):
        if word in inner and i > 0:
            opened += 1
        if word != ",":
            continue
        if opened:
            opened -= 1
            continue
        after = words[i + 1 : i + 1 + reach]
        head = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if not after or not (after[0] in subjects or head[:1].isupper()):
            continue
        for word_after, token in zip(after[1:], tokens[i + 2 : i + 1 + reach], strict=False):
            if word_after in (",", ";", ":"):
                break
            lower_ed = token.group()[:1].islower() and len(word_after) > 4
            if word_after in finite or (lower_ed and word_after.endswith("ed")):
                return _trim(text, span.start, span.start + tokens[i].start()) or span
    return span


def kind_of(content: Sequence[Span]) -> Kind:
    """Direct when every fragment is one quotation, mixed when quotes occur, else indirect."""
    texts = [span.text for span in content]
    if all(_is_quotation(t) for t in texts):
        return Kind.DIRECT
    if any(_QUOTE_CHARS.search(t) for t in texts):
        return Kind.MIXED
    return Kind.INDIRECT


def _is_quotation(fragment: str) -> bool:
    """A fragment that opens and closes with quotation marks and has no other mark inside."""
    body = fragment.rstrip(".,;:!? ")
    if len(body) < 2 or body[0] not in _OPENERS or body[-1] not in _CLOSERS:
        return False
    return len(_QUOTE_CHARS.findall(body[1:-1])) == 0


@functools.lru_cache(maxsize=4096)
def cue_lemma(cue: str) -> str:
    """The lemma of the cue verb or noun in ``cue`` ("deny" for "vehemently denied")."""
    table = rules.lemmas()
    words = cue.lower().split()
    for size in (2, 1):
        for i in range(len(words) - size, -1, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in table:
                return table[phrase]
    return words[-1] if words else ""


def _claim(document: Document, cand: Candidate) -> Claim:
    """The Claim of one chosen candidate (stance asserts until the stance stage)."""
    return Claim(
        id=claim_id(document.path, cand.content),
        doc=document.path,
        speaker=cand.speaker,
        cue=cand.cue,
        content=cand.content,
        kind=kind_of(cand.content),
        stance=Stance.ASSERTS,
        rule=cand.rule_id,
        cue_lemma=cue_lemma(cand.cue.text),
        speaker_name=cand.speaker.text if cand.speaker else "",
    )
