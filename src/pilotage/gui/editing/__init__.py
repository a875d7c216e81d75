"""Creating, editing, deleting and moving the records of the navigator, undoably."""
