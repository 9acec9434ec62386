"""One exception hierarchy for geomap.

Each subclass also subclasses the builtin a caller would naturally catch, the way
geopy does it (``ConfigurationError(GeopyError, ValueError)``), so ``except ValueError``
still works for code that does not know geomap.
"""


class GeomapError(Exception):
    """Base class of every error geomap raises on purpose."""


class ConfigurationError(GeomapError, ValueError):
    """A setting, option or argument is invalid."""


class ValidationError(GeomapError, ValueError):
    """A record was built with a value outside its domain."""


class ModelNotFoundError(GeomapError, RuntimeError):
    """No usable spaCy model is installed."""


class GazetteerError(GeomapError, RuntimeError):
    """The gazetteer index is missing, corrupt or cannot be built."""


class StoreError(GeomapError, RuntimeError):
    """The database could not be opened, migrated or written."""


class InputError(GeomapError, ValueError):
    """An input item (file, line, page) cannot be read as an article."""


class GeocoderError(GeomapError, RuntimeError):
    """An online geocoder failed or answered with something unusable."""


class ExportError(GeomapError, ValueError):
    """An export was asked for a layer or format that does not exist."""
