"""The Charts page: the three charts of where the hours went, and the small trend beside
the week.
"""
