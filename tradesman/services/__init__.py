"""What the app can do with the data: plain functions over a connection.

Each function takes a connection from `Store.reading()` or `Store.writing()` (a bare
sqlite3 one; a SQLAlchemy Session works too, read through its own connection: see
`store/reads.Db`), checks its input with the domain rules, and returns domain objects,
so the window, the command line and the reports all work on the same plain values. The
caller's `writing()` block is the transaction: one edit, one commit.
"""
