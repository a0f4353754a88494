"""ukr-tui's Textual interface: screens and widgets that read records only through `store`."""
__version__ = "0.1.0"
