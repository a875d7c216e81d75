"""The PySide6 desktop window: pages, dialogs, item models, undo commands, workers.

The only layer that imports Qt widgets; it reaches data through the services only.
"""
