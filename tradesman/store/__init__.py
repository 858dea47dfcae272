"""The SQLite file: opening and refusing files, migrations, backups, and the SQL.

This is the only package that writes SQL text: each table's columns are declared once
(`columns.py`) and read and written through them (`tables.py`, `rows.py`, `reads.py`),
over bare sqlite3 connections. SQLAlchemy's models (`schema.py`) serve the import's
bulk inserts, loaded only then.
"""
