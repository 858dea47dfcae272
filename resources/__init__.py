"""Files shipped with Tradesman: the icon, and (later) fonts and task templates.

This folder is installed as the package `tradesman.resources`; find files in it with
`tradesman.assets.resource_path`.
"""
