"""The business rules of Tradesman, in plain Python.

No Qt and no SQL here: areas and what counts as technician or business time, week
arithmetic, the split of a week's hours, and the sentences that explain bad input.
Everything is a frozen dataclass or an enum, so it is quick to test and safe to share.
"""
