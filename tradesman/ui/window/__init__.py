"""The window's own parts: its actions and menus, and the dialogs reached from the File and
Help menus.
"""
