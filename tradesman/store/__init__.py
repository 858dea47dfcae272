"""The SQLite file: opening and refusing files, migrations, backups, and the SQL.

This is the package that writes SQL statements: each table's columns are declared once
(`columns.py`) and read and written through them (`tables.py`, `rows.py`, `reads.py`,
`series_rows.py`, `lookups.py`), over bare sqlite3 connections. The services give
`Table.all` no more than a filter and an order ("task_id = ?", "day"), as they gave
the ORM its column filters before. SQLAlchemy's models (`schema.py`) serve the import's
bulk inserts, loaded only then.
"""
