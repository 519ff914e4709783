"""The bulletins' part of `teilhabe demo`: series and issues, the distribution list, the leaflets (each in its
own module, in this order: the list's recipients read the issues, the leaflets name the series)."""

from teilhabe.bulletins import demo_issues, demo_leaflets, demo_lists


def load_demo(municipality):
    demo_issues.load(municipality)
    demo_lists.load(municipality)
    demo_leaflets.load(municipality)
