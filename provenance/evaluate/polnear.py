"""PolNeAR gold attributions: brat standoff text in, frozen attributions out (no I/O).

A folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; the
lexicographically first ``.ann`` of a text is its gold. Every ``E`` line is one
attribution whose ``Source*``, ``Cue*`` and ``Content*`` arguments (``Content2`` too)
name ``T`` spans; a discontinuous span (``10 20;25 40``) gives several fragments. An
``E`` line without content is dropped and counted. Lines of other shapes (notes,
the continuation of a span text that held a newline) are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from provenance import errors
from provenance.model import Claim, Kind, Span

Frag = tuple[int, int]
ROLES = ("source", "cue", "content")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_FRAG = re.compile(r"^\s*(\d+)\s+(\d+)\s*$")
_ROLE_KEY = re.compile(r"\d+$")


@attrs.frozen
class Attribution:
    """One attribution as character fragments per role, each role sorted by offset."""

    source: tuple[Frag, ...] = ()
    cue: tuple[Frag, ...] = ()
    content: tuple[Frag, ...] = ()
    label: str = ""  # the gold E id, or the predicted claim's id
    rule: str = ""  # the rule that found a predicted claim

    def role(self, name: str) -> tuple[Frag, ...]:
        """The fragments of ``source``, ``cue`` or ``content``."""
        return tuple(getattr(self, name))


@attrs.frozen
class Gold:
    """The gold attributions of one text and how many E lines had no content."""

    attributions: tuple[Attribution, ...]
    dropped: int = 0


def fragments(offsets: str, where: str) -> tuple[Frag, ...]:
    """``"10 20;25 40"`` as ``((10, 20), (25, 40))``; anything else is an InputError."""
    out = []
    for part in offsets.split(";"):
        found = _FRAG.match(part)
        if found is None:
            raise errors.bad_annotation(where, f"offsets {offsets.strip()!r} are not START END")
        out.append((int(found.group(1)), int(found.group(2))))
    return tuple(out)


def _arguments(body: str) -> list[tuple[str, str]]:
    """The ``ROLE:T3`` arguments of an E line, in order."""
    pairs = (arg.split(":", 1) for arg in body.split() if ":" in arg)
    return [(key, ref) for key, ref in pairs]


def _attribution(
    ident: str, args: list[tuple[str, str]], spans: dict[str, tuple[Frag, ...]]
) -> Attribution:
    """The attribution an E line describes (roles other than source, cue, content ignored)."""
    roles: dict[str, list[Frag]] = {role: [] for role in ROLES}
    for key, ref in args:
        role = _ROLE_KEY.sub("", key).lower()
        if role in roles and ref in spans:
            roles[role].extend(spans[ref])
    return Attribution(
        source=tuple(sorted(roles["source"])),
        cue=tuple(sorted(roles["cue"])),
        content=tuple(sorted(roles["content"])),
        label=ident,
    )


def parse_ann(text: str, path: str) -> Gold:
    """The attributions of one brat standoff file; ``path`` names it in errors."""
    spans: dict[str, tuple[Frag, ...]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if found := _T_LINE.match(line):
            spans[found.group(1)] = fragments(found.group(3), f"{path}:{number}")
        elif found := _E_LINE.match(line):
            events.append((found.group(1), _arguments(found.group(2))))
    every = [_attribution(ident, args, spans) for ident, args in events]
    kept = tuple(att for att in every if att.content)
    return Gold(kept, dropped=len(every) - len(kept))


def annotation_files(names: Iterable[str]) -> dict[str, str]:
    """For each text stem, the lexicographically first ``STEM_ANNOTATOR.ann`` among ``names``."""
    chosen: dict[str, str] = {}
    for name in sorted(names):
        if name.endswith(".ann") and "_" in name:
            chosen.setdefault(name[: -len(".ann")].rsplit("_", 1)[0], name)
    return chosen


def clean_spans(spans: Iterable[Span], length: int) -> tuple[tuple[Frag, ...], int]:
    """Fragments clipped to the text, empty ones dropped, sorted; and how many were out of range."""
    out, bad = [], 0
    for span in spans:
        start, end = span.start, span.end
        if start < 0 or end > length or end <= start:
            bad += 1
            start, end = max(0, start), min(length, end)
            if end <= start:
                continue
        out.append((start, end))
    return tuple(sorted(out)), bad


def attributed(claims: Iterable[Claim]) -> list[Claim]:
    """The claims attribution scoring counts, those PolNeAR annotates: not the outlet's own
    (kind ``own``, no source), nor a claim nested in another's content (``within`` set:
    PolNeAR marks only the outer attribution; not one of its 19,832 train attributions has
    its cue inside another's content)."""
    return [claim for claim in claims if claim.kind is not Kind.OWN and not claim.within]


def nested(claims: Iterable[Claim]) -> list[Claim]:
    """The claims ``attributed`` leaves out for their nesting alone (``within`` set)."""
    return [claim for claim in claims if claim.kind is not Kind.OWN and claim.within]


def predicted(claim: Claim, length: int) -> tuple[Attribution, int]:
    """A claim as an attribution over a text of ``length`` chars, and its out-of-range spans."""
    source, bad_source = clean_spans([claim.speaker] if claim.speaker else [], length)
    cue, bad_cue = clean_spans([claim.cue] if claim.cue else [], length)
    content, bad_content = clean_spans(claim.content, length)
    att = Attribution(source, cue, content, label=claim.id, rule=claim.rule)
    return att, bad_source + bad_cue + bad_content
