"""Korean particles glued to a noun (머스크는, 푸틴과, 크렘린궁에서): what glossary matching
and transliteration both need, kept apart from the transliteration tables so that the
glossary matcher does not import them."""

from __future__ import annotations

PARTICLES = sorted({
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "께서", "와", "과", "로",
    "으로", "도", "만", "까지", "부터", "이나", "나", "라는", "이라는", "이라고", "라고", "측",
    "에는", "에서는", "과의", "와의", "으로부터", "로부터", "에도", "한테",
}, key=len, reverse=True)


def particle_at(text: str, start: int) -> bool:
    """Whether a Korean particle (은, 는, 에서...) begins at ``start`` of ``text``."""
    return any(text.startswith(p, start) for p in PARTICLES)


def strip_particles(word: str) -> str:
    """A Korean word without the particle glued to it (머스크는 -> 머스크), keeping at
    least two syllables."""
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word
