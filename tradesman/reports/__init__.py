"""The PDFs: the printed week and the doer-to-marketer plan.

Layouts take plain data (reports/sheets.py) and a file to write; they never touch the
database. reportlab is imported only here, and only when a PDF is made, so it never
slows the app's start-up.
"""
