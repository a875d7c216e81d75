"""Dialogs that collect an input; they call no service themselves."""
