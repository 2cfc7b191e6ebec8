"""One error tree for everything a user can run into; the CLI prints these as one line."""


class KgError(Exception):
    """Base of every error Nyhetsgraf raises on purpose."""


class InputError(KgError):
    """An input file or folder is missing, unreadable or malformed."""


class ModelError(KgError):
    """The Norwegian pipeline cannot be loaded, trained or evaluated."""


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be run."""


class StoreError(KgError):
    """An on-disk graph store cannot be opened or written."""


class OutputError(KgError):
    """An output file cannot be written."""
