"""Natural-language processing: the spaCy model and geomap's toponym components."""
