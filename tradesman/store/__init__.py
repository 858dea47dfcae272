"""The SQLite file: models, opening and refusing files, migrations and backups.

This is the only package that writes SQL text. Services (tradesman.services) use the
ORM models from here over a Session, and hand plain domain objects to everyone else.
"""
