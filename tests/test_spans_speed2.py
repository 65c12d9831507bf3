"""The short cuts of `layout.spans` give what the tests they stand for give."""

from __future__ import annotations

import random

from editiondiff.extract.layout import spans


def test_leaders_test_is_four_dots():
    # `_has_leaders` (plain dots searched from dot to dot) finds four dots of leaders exactly where `_FOUR_DOTS` does
    rng = random.Random(13)
    texts = ["", "Étape ........ 2021", "a . . . . b", "fin... et", "·.·.", "… … … …", "x . .. .y", ". . .  ."]
    texts += ["".join(rng.choice(". ·…a\n") for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    for text in texts:
        assert spans._has_leaders(text) == bool(spans._FOUR_DOTS.search(text)), repr(text)
