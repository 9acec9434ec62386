"""Turns an EventFilter into a WHERE clause (parameters kept apart, never formatted in)."""

from __future__ import annotations

from geomap.records import EventFilter


def _in(column: str, values: tuple[str, ...]) -> tuple[str, list]:
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)


def event_where(flt: EventFilter) -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []
    if flt.start:
        clauses.append("e.date >= ?")
        params.append(flt.start.isoformat())
    if flt.end:
        clauses.append("e.date <= ?")
        params.append(flt.end.isoformat())
    if flt.types:
        clause, values = _in("e.event_type", flt.types)
        clauses.append(clause)
        params += values
    if flt.countries:
        clause, values = _in("e.country_code", tuple(c.upper() for c in flt.countries))
        clauses.append(clause)
        params += values
    if flt.bbox:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        clauses.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
        params += [min_lat, max_lat, min_lon, max_lon]
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
    clauses = ["m.place_id IS NOT NULL"]
    params: list = []
    if flt.start:
        clauses.append("d.published >= ?")
        params.append(flt.start.isoformat())
    if flt.end:
        clauses.append("d.published <= ?")
        params.append(flt.end.isoformat())
    if flt.countries:
        clause, values = _in("p.country_code", tuple(c.upper() for c in flt.countries))
        clauses.append(clause)
        params += values
    if flt.bbox:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        clauses.append("p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?")
        params += [min_lat, max_lat, min_lon, max_lon]
    if flt.q:
        clauses.append("(m.text LIKE ? OR p.name LIKE ? OR d.title LIKE ?)")
        params += [f"%{flt.q}%"] * 3
    return " WHERE " + " AND ".join(clauses), params


def paging(flt: EventFilter) -> tuple[str, list]:
    if flt.limit is None and not flt.offset:
        return "", []
    return " LIMIT ? OFFSET ?", [flt.limit if flt.limit is not None else -1, flt.offset]
