"""The closing line about input issues, after the output of a corpus command.

Each skipped or repaired file has had its own ``warning:`` line when it was met (the
library's SkippedInput/RepairedInput warnings); on a corpus of thousands they scroll
away under a long run, so the run ends with their count.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from provenance.model import InputIssue


def summarise_issues(issues: Sequence[InputIssue]) -> None:
    """``warning: 20 file(s) or article(s) skipped, 3 repaired (...)`` on stderr, if any."""
    skipped = sum(issue.skipped for issue in issues)
    repaired = len(issues) - skipped
    if not issues:
        return
    parts = [f"{skipped} skipped"] if skipped else []
    parts += [f"{repaired} used with stray bytes replaced"] if repaired else []
    click.echo(f"warning: input issues: {', '.join(parts)} (each named above; "
               "--strict stops at the first instead)", err=True)
