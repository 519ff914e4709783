"""Compare two reporting rounds: which measures moved, from which status to which.

A measure's status in a round is its status as of that round (accepted in the round, else carried over from
the last earlier accepted report; see reporting.statuses_as_of). Four queries whatever the size."""

from dataclasses import dataclass

from teilhabe.concept.models import Measure, Status
from teilhabe.concept.services.reporting import statuses_as_of


@dataclass
class Move:
    measure: Measure
    before: Status | None
    after: Status | None

    @property
    def direction(self):
        """ "up", "down" or "sideways", judged by the statuses' progress, then their order."""
        rank_before = (self.before.progress, self.before.order) if self.before else (-1, -1)
        rank_after = (self.after.progress, self.after.order) if self.after else (-1, -1)
        if rank_after > rank_before:
            return "up"
        if rank_after < rank_before:
            return "down"
        return "sideways"


@dataclass
class Comparison:
    earlier: object
    later: object
    moves: list
    unchanged: int

    @property
    def forward(self):
        return [m for m in self.moves if m.direction == "up"]

    @property
    def backward(self):
        return [m for m in self.moves if m.direction != "up"]


def compare_rounds(round_a, round_b):
    earlier, later = sorted([round_a, round_b], key=lambda r: (r.due_date, r.pk))
    statuses = {s.pk: s for s in Status.objects.filter(municipality_id=earlier.municipality_id)}
    before = statuses_as_of(earlier)
    after = statuses_as_of(later)
    moves = []
    unchanged = 0
    measures = Measure.objects.filter(concept_id=later.concept_id).select_related("lead", "field_of_action")
    for measure in measures:
        a, b = before.get(measure.pk), after.get(measure.pk)
        if a == b:
            unchanged += 1
        else:
            moves.append(Move(measure, statuses.get(a), statuses.get(b)))
    return Comparison(earlier, later, moves, unchanged)
