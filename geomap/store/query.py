"""Turns an EventFilter into a WHERE clause (parameters kept apart, never formatted in)."""

from __future__ import annotations

from geomap.records import EventFilter


def _in(column: str, values: tuple[str, ...]) -> tuple[str, list]:
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)


def _shared(flt: EventFilter, date: str, country: str, lat: str, lon: str) -> tuple[list[str], list]:
    """The filters events and mentions answer alike, on the given columns."""
    clauses: list[str] = []
    params: list = []
    if flt.start:
        clauses.append(f"{date} >= ?")
        params.append(flt.start.isoformat())
    if flt.end:
        clauses.append(f"{date} <= ?")
        params.append(flt.end.isoformat())
    if flt.countries:
        clause, values = _in(country, tuple(c.upper() for c in flt.countries))
        clauses.append(clause)
        params += values
    if flt.bbox:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        clauses.append(f"{lat} BETWEEN ? AND ? AND {lon} BETWEEN ? AND ?")
        params += [min_lat, max_lat, min_lon, max_lon]
    return clauses, params


def event_where(flt: EventFilter) -> tuple[str, list]:
    clauses, params = _shared(flt, "e.date", "e.country_code", "e.lat", "e.lon")
    if flt.types:
        clause, values = _in("e.event_type", flt.types)
        clauses.append(clause)
        params += values
    if flt.q:
        like = f"%{flt.q}%"
        clauses.append(
            "(e.actor1 LIKE ? OR e.actor2 LIKE ? OR e.location_text LIKE ? OR e.trigger_text LIKE ?"
            " OR EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.text LIKE ?))"
        )
        params += [like] * 5
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def mention_where(flt: EventFilter) -> tuple[str, list]:
    """Place mentions answer the same filters: dates by the article's publication date."""
    clauses, params = _shared(flt, "d.published", "p.country_code", "p.lat", "p.lon")
    clauses.insert(0, "m.place_id IS NOT NULL")
    if flt.q:
        clauses.append("(m.text LIKE ? OR p.name LIKE ? OR d.title LIKE ?)")
        params += [f"%{flt.q}%"] * 3
    return " WHERE " + " AND ".join(clauses), params


def paging(flt: EventFilter) -> tuple[str, list]:
    if flt.limit is None and not flt.offset:
        return "", []
    return " LIMIT ? OFFSET ?", [flt.limit if flt.limit is not None else -1, flt.offset]
