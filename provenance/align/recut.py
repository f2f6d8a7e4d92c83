"""Two neighbouring sentences cut at another place: a 2-2 link that the search took for two
1-1 links.

A translator who re-cuts two sentences (the first ends a clause later or earlier than in
the source) writes a 2-2 link. Each of its sentences still renders most of one sentence
of the other side, so two 1-1 links collect two vector margins where the 2-2 link
collects one (its run vectors match no better), and the search keeps the two 1-1 links:
on the many-merge sets most missed 2-2 links came out that way. Run vectors cannot see
the moved clause; lengths and the clause itself can.

So, after the search with vectors, every two 1-1 links that follow each other on both
sides are tested for a re-cut:

* lengths: the two links explain the sentences' lengths worse than one 2-2 link over the
  same sentences does, by at least ``LENGTH_GAIN`` (log-likelihood under the pair's
  length model). Where one link's target is too long for its source, the other's too
  short, a clause sits on the wrong side of the boundary; faithful 1-1 links rarely
  look like that (length evidence is sharp across scripts: Chinese against English).
  Names and figures that a Chinese, Japanese or Korean sentence copies in Latin letters
  count as much as their rendering would (``lengths.rendered_length``): without that,
  a short question naming "EverGrow Coin" looked twice too long and made a faithful
  pair of links a candidate;
* a clause moved: on the side and at the end the lengths point to (the end of the long
  target sentence or the start of the next source sentence, or the other way round), a
  piece of one, two or three clauses (``absorb.end_pieces``) whose length accounts for
  the imbalance (once moved, the two links explain the lengths within ``LENGTH_GAIN`` of
  the 2-2 link) renders the neighbouring link's other sentence better than its own
  link's, by margin (a text close to everything gets no credit for it), and the rest of
  its sentence renders its own partner better than the whole sentence did: the piece is
  foreign to the link it sits in.

Both must hold, except where the piece is a whole sentence inside its host (a full
stop parts it from the rest: the host holds two sentences, "…被杀的原因。他才 18 岁。"):
the writer's own cut is the evidence the lengths would give, and a piece that short
moves too few characters to show in them. Then every end is tried, and the clause test
alone decides. A whole sentence of a few characters ("莫斯科说。", Moscow said) has no
vector worth reading either: between English and Chinese its dictionary words decide
where the vectors did not (``WORDS_MIN``, ``WORDS_LEAD``; CC-CEDICT, names and figures).

The same test hands a sentence at the boundary of two neighbouring links to the other
link (``shift_links``): a 2-1 link followed by a 1-1 link whose target starts with a whole
sentence that renders the 2-1 link's last source sentence ("他否认了这项指控。数以万计…"
after "… the revolution that toppled his father. He denies wrongdoing.") becomes a 1-1 and
a 2-1 link, on either side and either way. Only whole sentences are tried: a clause
would move whatever the search weighed already.

The 2-2 link must be a shape of the search and lie in its band, and it keeps the pass's
score for that cell. Texts embedded: the pieces of each candidate, one rest per
candidate that got that far, and any of its four sentences that the pass did not embed,
all within the budget left.

Measured on the many-merge sets of the unseen seeds 29/41 (``benchmarks/alignment.py
--quick``; ``--shapes`` prints the counts): 2-2 links found exactly, en→zh.a 4 -> 10
of 26, en→zh.b 3 -> 10 of 26, uk→en 15 -> 17 of 24; no faithful 1-1 links joined on
those sets or on the unperturbed documents. Then, strict F1 on en→zh.a / en→zh.b /
uk→en, no other row changed at any step:

* whole sentences tried without the length test: 0.922 -> 0.937 / 0.947 -> 0.971 /
  0.968 -> 0.974 (en→zh.a 2-2 links 12 -> 17 of 26);
* short ones by their words: 0.946 / 0.980 / 0.974 (20 of 26);
* boundary sentences handed over: 0.952 / 0.984 / 0.974. On seeds 7/13 the three steps
  together: 0.945 -> 0.964 / 0.959 -> 0.977 / 0.954 unchanged.

Most 2-2 links still missed move a fragment glued without punctuation ("…5 人被困周六。",
a headline run into its lead) or one whose words and vector both say nothing ("据说。").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from provenance.align.absorb import cell_score, end_pieces
from provenance.align.embedding import Embed, RunVectors
from provenance.align.features import Band
from provenance.align.lengths import copied_rates, rendered_length
from provenance.align.lexical import piece_shares
from provenance.align.monotonic import Step, Tables
from provenance.lang import base

#: How much better (log-likelihood of the lengths) one 2-2 link must explain the four
#: sentences than the two 1-1 links do before a moved clause is looked for: e (2.7) times
#: likelier.
LENGTH_GAIN = 1.0

#: A whole sentence whose vector decides nothing moves by its words (English-Chinese,
#: CC-CEDICT) when they explain at least this share of it in the neighbouring link's
#: sentence, ``WORDS_LEAD`` more than in its own link's.
WORDS_MIN = 0.5
WORDS_LEAD = 0.25

#: Log-likelihood of a source text of so many characters rendered by a target text of so
#: many (``PairScorer.length_fit``).
LengthFit = Callable[[float, float], float]


@dataclass(frozen=True)
class Move:
    """A piece at one end of sentence ``host`` (side ``side``: 0 source, 1 target) that
    may belong to the neighbouring link: its partner there is ``to``, its partner now
    ``own`` (both on the other side)."""

    side: int
    host: int
    at_end: bool
    own: int
    to: int


def length_gain(length_fit: LengthFit, s: tuple[float, float], t: tuple[float, float],
                ) -> float:
    """How much better one link over source lengths ``s`` and target lengths ``t``
    explains them than the two 1-1 links (s[0], t[0]) and (s[1], t[1])."""
    whole = length_fit(s[0] + s[1], t[0] + t[1])
    return float(whole - length_fit(s[0], t[0]) - length_fit(s[1], t[1]))


def candidate_moves(s: tuple[int, int], t: tuple[int, int], s_len: tuple[float, float],
                    t_len: tuple[float, float]) -> list[Move]:
    """Where a moved clause would be, given which link's target is too long for its
    source: the end of the first target sentence or the start of the second source one
    (the first link holds too much target), else the start of the second target sentence
    or the end of the first source one."""
    if t_len[0] * s_len[1] > t_len[1] * s_len[0]:
        return [Move(1, t[0], True, s[0], s[1]), Move(0, s[1], False, t[1], t[0])]
    return [Move(1, t[1], False, s[1], s[0]), Move(0, s[0], True, t[0], t[1])]


class _Vectors:
    """Sentence vectors of one side: those the pass computed, more on demand."""

    def __init__(self, texts: Sequence[str], runs: RunVectors) -> None:
        self.texts = texts
        has = runs.has[1][1:]
        self.vec: dict[int, np.ndarray] = {
            int(i): runs.runs[1][i + 1].astype(np.float64) for i in np.nonzero(has)[0]}

    def matrix(self) -> np.ndarray:
        return np.array([self.vec[i] for i in sorted(self.vec)])

    def missing(self, ids: Sequence[int]) -> list[int]:
        return [i for i in dict.fromkeys(ids) if i not in self.vec]

    def add(self, ids: Sequence[int], found: np.ndarray) -> None:
        for i, v in zip(ids, found, strict=True):
            self.vec[i] = v.astype(np.float64)


def recut_links(steps: Sequence[Step], src: Sequence[str], tgt: Sequence[str],
                src_lang: str, tgt_lang: str, vectors: tuple[RunVectors, RunVectors],
                embed: Embed, tables: Tables, band: Band, budget: int, *,
                length_fit: LengthFit, expansion: float = 1.0) -> tuple[list[Step], int]:
    """``steps`` with every two 1-1 links that a re-cut explains better joined into one
    2-2 link (see the module docstring), and how many texts that embedded.

    ``expansion``: the pair's target characters per source character (what the names
    and figures a CJK side copies count for: ``lengths.copied_rates``)."""
    if (2, 2) not in tables:
        return list(steps), 0
    judge = _Judge((src, tgt), (src_lang, tgt_lang), vectors, embed, budget)
    texts, langs = judge.texts, judge.langs
    rates = copied_rates(src_lang, tgt_lang, expansion)
    by_src = {st.src[0]: n for n, st in enumerate(steps)
              if len(st.src) == 1 and len(st.tgt) == 1}
    out: list[Step | None] = list(steps)
    for i in sorted(by_src):
        a, b = by_src[i], by_src.get(i + 1)
        if b is None or out[a] is None or out[b] is None:
            continue
        first, second = steps[a], steps[b]
        if second.tgt[0] != first.tgt[0] + 1:
            continue
        s = (first.src[0], second.src[0])
        t = (first.tgt[0], second.tgt[0])
        s_len = (rendered_length(src[s[0]], rates[0]), rendered_length(src[s[1]], rates[0]))
        t_len = (rendered_length(tgt[t[0]], rates[1]), rendered_length(tgt[t[1]], rates[1]))
        by_length = length_gain(length_fit, s_len, t_len) >= LENGTH_GAIN
        moves = (candidate_moves(s, t, s_len, t_len) if by_length
                 else _all_moves(s, t))
        score = cell_score(tables, band, s, t)
        if score is None:
            continue
        lengths = (s_len, t_len)
        for move in moves:
            pieces = [(p, rest) for p, rest in
                      end_pieces(texts[move.side][move.host], langs[move.side], move.at_end)
                      if (_explains(length_fit, lengths, move,
                                    rendered_length(p, rates[move.side])) if by_length
                          else _stopped(p, rest, move.at_end))]
            if judge.moved(move, pieces):
                out[a] = Step(s, t, score)
                out[b] = None
                break
    return [st for st in out if st is not None], judge.spent


def shift_links(steps: Sequence[Step], src: Sequence[str], tgt: Sequence[str],
                src_lang: str, tgt_lang: str, vectors: tuple[RunVectors, RunVectors],
                embed: Embed, tables: Tables, band: Band, budget: int,
                ) -> tuple[list[Step], int]:
    """``steps`` with the sentence at the boundary of two neighbouring links handed to
    the other link where a whole sentence of that link renders it (see the module
    docstring), and how many texts that embedded."""
    judge = _Judge((src, tgt), (src_lang, tgt_lang), vectors, embed, budget)
    out = list(steps)
    n = 0
    while n < len(out) - 1:
        a, b = out[n], out[n + 1]
        shifted = None
        if a.src and a.tgt and b.src and b.tgt and b.src[0] == a.src[-1] + 1 \
                and b.tgt[0] == a.tgt[-1] + 1:
            for move, runs in _shifts(a, b):
                scored = [(r, cell_score(tables, band, r[0], r[1])) for r in runs]
                new = [Step(r[0], r[1], x) for r, x in scored if x is not None]
                if len(new) < len(runs):
                    continue
                host = judge.texts[move.side][move.host]
                pieces = [(p, rest) for p, rest in
                          end_pieces(host, judge.langs[move.side], move.at_end)
                          if _stopped(p, rest, move.at_end)]
                if judge.moved(move, pieces):
                    shifted = new
                    break
        if shifted:
            out[n:n + 2] = shifted
            n += 2
        else:
            n += 1
    return out, judge.spent


Runs = tuple[tuple[int, ...], tuple[int, ...]]


def _shifts(a: Step, b: Step) -> list[tuple[Move, tuple[Runs, Runs]]]:
    """For two neighbouring links, each way one boundary sentence could change link: the
    piece that would show it (a ``Move`` on the other side) and the two links after."""
    out = []
    for k in (0, 1):  # the side whose sentence changes link
        other = 1 - k
        runs_a, runs_b = (a.src, a.tgt), (b.src, b.tgt)
        if len(runs_a[k]) >= 2:  # a's last sentence joins b, shown at the start of b
            move = Move(other, runs_b[other][0], False, runs_b[k][0], runs_a[k][-1])
            new_a, new_b = list(runs_a), list(runs_b)
            new_a[k], new_b[k] = runs_a[k][:-1], runs_a[k][-1:] + runs_b[k]
            out.append((move, ((new_a[0], new_a[1]), (new_b[0], new_b[1]))))
        if len(runs_b[k]) >= 2:  # b's first sentence joins a, shown at the end of a
            move = Move(other, runs_a[other][-1], True, runs_a[k][-1], runs_b[k][0])
            new_a, new_b = list(runs_a), list(runs_b)
            new_a[k], new_b[k] = runs_a[k] + runs_b[k][:1], runs_b[k][1:]
            out.append((move, ((new_a[0], new_a[1]), (new_b[0], new_b[1]))))
    return out


class _Judge:
    """The clause test of the module docstring for one pair, embedding what it needs
    within ``budget`` texts (``spent`` so far)."""

    def __init__(self, texts: tuple[Sequence[str], Sequence[str]], langs: tuple[str, str],
                 vectors: tuple[RunVectors, RunVectors], embed: Embed, budget: int) -> None:
        self.texts, self.langs, self.embed, self.budget = texts, langs, embed, budget
        self.sides = (_Vectors(texts[0], vectors[0]), _Vectors(texts[1], vectors[1]))
        self.shares = piece_shares(*langs)
        self.spent = 0

    def moved(self, move: Move, pieces: Sequence[tuple[str, str]]) -> bool:
        """Whether one of ``pieces`` of ``move.host`` belongs with ``move.to``: by
        vectors, else, for a whole sentence, by its dictionary words. False when there
        is no piece or the budget cannot pay for the test."""
        mine, theirs = self.sides[move.side], self.sides[1 - move.side]
        need = [mine.missing([move.host]), theirs.missing([move.own, move.to])]
        cost = len(pieces) + 1 + len(need[0]) + len(need[1])
        if not pieces or self.spent + cost > self.budget:
            return False
        for side, ids in ((mine, need[0]), (theirs, need[1])):
            if ids:
                side.add(ids, self.embed([side.texts[x] for x in ids]))
        self.spent += len(need[0]) + len(need[1])
        moved, used = _clause_moved(move, pieces, self.sides, self.embed)
        self.spent += used
        if not moved and self.shares is not None:
            whole = [(p, rest) for p, rest in pieces if _stopped(p, rest, move.at_end)]
            moved = _words_moved(move, whole, self.texts, self.langs, self.shares)
        return moved


def _all_moves(s: tuple[int, int], t: tuple[int, int]) -> list[Move]:
    """Every end a moved clause could sit at, whichever way the lengths lean."""
    return [Move(1, t[0], True, s[0], s[1]), Move(0, s[1], False, t[1], t[0]),
            Move(1, t[1], False, s[1], s[0]), Move(0, s[0], True, t[0], t[1])]


#: A sentence end (with any closing quotes) at the end of a text.
_STOP = re.compile(r"[。！？.!?][”\"’'」』)）]*$")


def _stopped(piece: str, rest: str, at_end: bool) -> bool:
    """The piece is a whole sentence of its host: a full stop parts it from the rest."""
    return bool(_STOP.search(rest if at_end else piece))


def _explains(length_fit: LengthFit, lengths: tuple[tuple[float, float], ...], move: Move,
              piece: float) -> bool:
    """Whether moving ``piece`` characters as ``move`` says leaves the two links' lengths
    explained nearly as well as one 2-2 link explains them (within ``LENGTH_GAIN``): the
    clause accounts for the imbalance that made the links a candidate."""
    s_len, t_len = (list(x) for x in lengths)
    # the host's link is the first one when the piece leaves the end of the host
    host, to = (0, 1) if move.at_end else (1, 0)
    side = (s_len, t_len)[move.side]
    side[host] -= piece
    side[to] += piece
    if min(side) <= 0:
        return False
    return length_gain(length_fit, (s_len[0], s_len[1]), (t_len[0], t_len[1])) < LENGTH_GAIN


def _clause_moved(move: Move, pieces: Sequence[tuple[str, str]],
                  sides: tuple[_Vectors, _Vectors], embed: Embed) -> tuple[bool, int]:
    """Whether a piece of ``move.host`` belongs with ``move.to`` (the tests of the module
    docstring), and how many texts that embedded."""
    mine, theirs = sides[move.side], sides[1 - move.side]
    piece_vecs = embed([p for p, _ in pieces]).astype(np.float64)
    own, to = theirs.vec[move.own], theirs.vec[move.to]
    # A partner close to every text of this side (a hub) gets no credit for it.
    hub = mine.matrix() @ np.array([own, to]).T
    own_base, to_base = hub.mean(axis=0)
    lead = (piece_vecs @ to - 0.5 * to_base) - (piece_vecs @ own - 0.5 * own_base)
    best = int(np.argmax(lead))
    if lead[best] <= 0.0:
        return False, len(pieces)
    rest = embed([pieces[best][1]])[0].astype(np.float64)
    # the host without the piece renders its partner better: the piece is foreign to it
    return bool(rest @ own > mine.vec[move.host] @ own), len(pieces) + 1


def _words_moved(move: Move, pieces: Sequence[tuple[str, str]],
                 texts: tuple[Sequence[str], Sequence[str]], langs: tuple[str, str],
                 shares: Callable[[str, str], tuple[float, float]]) -> bool:
    """Whether the words of a piece render the neighbouring link's sentence
    (``move.to``) and not its own link's (``move.own``): "莫斯科说" names Moscow, which
    only the next source sentence does. Four characters have no vector worth reading."""
    other = texts[1 - move.side]
    chinese = base(langs[move.side]) == "zh"
    for piece, _ in pieces:
        if chinese:
            own, to = shares(piece, other[move.own])[0], shares(piece, other[move.to])[0]
        else:
            own, to = shares(other[move.own], piece)[1], shares(other[move.to], piece)[1]
        if to >= WORDS_MIN and to - own >= WORDS_LEAD:
            return True
    return False
