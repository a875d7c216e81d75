"""Undoable actions: each a QUndoCommand that calls the services."""
