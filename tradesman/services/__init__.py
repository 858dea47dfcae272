"""What the app can do with the data: plain functions over a Session.

Each function takes a Session from `Store.reading()` or `Store.writing()`, checks its
input with the domain rules, and returns domain objects (never ORM rows), so the
window, the command line and the reports all work on the same plain values. The
caller's `writing()` block is the transaction: one edit, one commit.
"""
