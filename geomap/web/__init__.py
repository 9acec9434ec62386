"""The Flask app: the map page, the document view and the JSON/GeoJSON API."""

from geomap.web.app import create_app

__all__ = ["create_app"]
