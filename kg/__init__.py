"""Nyhetsgraf: one knowledge graph from many Norwegian news articles."""

__version__ = "0.1.0"
