"""namndkoll: Swedish municipal committee records made searchable, quotable and countable."""
__version__ = "0.1.0"
