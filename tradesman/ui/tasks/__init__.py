"""The Tasks page and the To schedule list: task cards, their dialogs, and the actions on
them.
"""
