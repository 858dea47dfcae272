"""The Plan page: the doer-to-marketer plan, its dialogs and its actions."""
