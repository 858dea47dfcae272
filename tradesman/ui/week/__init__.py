"""The Week page: the calendar, the split panel and the side column beside it, and the
edits made on the calendar.
"""
