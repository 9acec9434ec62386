"""Hand-built processed articles for the web tests (news-style snippets written for them)."""

from __future__ import annotations

from datetime import date

from geomap.records import Document, Event, Place, ProcessedDocument, Span, Toponym

KHARKIV = Place("gn:706483", "Kharkiv", 49.98, 36.25, "city", country_code="UA", population=1430885)
BAKU = Place("gn:587084", "Baku", 40.38, 49.89, "city", country_code="AZ", population=1116513)
KHARTOUM = Place("gn:379252", "Khartoum", 15.55, 32.53, "city", country_code="SD", population=1974647)
STEPANAKERT = Place("cur:stepanakert", "Stepanakert", 39.82, 46.75, "city", country_code="AZ")


def _find(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def article(
    text: str,
    *,
    title: str,
    published: date,
    events: list[dict],
    places: list[tuple[str, Place]],
    url: str | None = None,
) -> ProcessedDocument:
    """A processed article: each event dict names its trigger word and sentence text."""
    doc = Document(text=text, title=title, url=url, published=published)
    toponyms = tuple(
        Toponym(s.start, s.end, s.text, place=place, score=0.9)
        for name, place in places
        for s in [_find(text, name)]
    )
    built = []
    for spec in events:
        sentence = _find(text, spec["sentence"])
        trigger_at = text.index(spec["trigger"], sentence.start)
        trigger = Span(trigger_at, trigger_at + len(spec["trigger"]), spec["trigger"])
        built.append(
            Event(
                event_type=spec["type"], sub_event_type=spec["sub_type"], trigger=trigger,
                sentence=sentence, date=spec["date"], time_precision=1, place=spec["place"],
                location_text=spec["place"].name, geo_precision=1, actor1=spec.get("actor1"),
                actor2=spec.get("actor2"), fatalities=spec.get("fatalities"), confidence=0.8,
                doc_id=doc.id,
            )
        )
    return ProcessedDocument(doc, toponyms, tuple(built))


def sample_articles() -> list[ProcessedDocument]:
    """Three articles, events on three different dates in three countries."""
    t1 = ("KYIV (Wire) - Russian missiles struck an apartment block in Kharkiv on Monday, killing "
          "four people, regional officials said. Rescue crews searched the rubble overnight.")
    t2 = ("BAKU (Wire) - Azerbaijan launched what it called anti-terrorist measures near Stepanakert "
          "on Tuesday. Armenian forces clashed with Azerbaijani troops for several hours and 27 "
          "soldiers were killed.")
    t3 = ("KHARTOUM (Wire) - Hundreds of protesters marched in Khartoum on Friday demanding an end "
          "to the fighting. Police fired tear gas at the crowd.")
    return [
        article(t1, title="Missiles hit Kharkiv apartment block", published=date(2023, 9, 11),
                url="https://news.example/kharkiv",
                places=[("Kharkiv", KHARKIV)],
                events=[dict(type="Explosions/Remote violence",
                             sub_type="Shelling/artillery/missile attack", trigger="struck",
                             sentence="Russian missiles struck an apartment block in Kharkiv on Monday, "
                                      "killing four people, regional officials said.",
                             date=date(2023, 9, 11), place=KHARKIV, actor1="Military Forces of Russia",
                             fatalities=4)]),
        article(t2, title="Fighting near Stepanakert", published=date(2023, 9, 19),
                places=[("Stepanakert", STEPANAKERT), ("BAKU", BAKU)],
                events=[dict(type="Battles", sub_type="Armed clash", trigger="clashed",
                             sentence="Armenian forces clashed with Azerbaijani troops for several "
                                      "hours and 27 soldiers were killed.",
                             date=date(2023, 9, 19), place=STEPANAKERT,
                             actor1="Military Forces of Azerbaijan", actor2="Armenian forces",
                             fatalities=27)]),
        article(t3, title="Khartoum protest against the war", published=date(2023, 9, 29),
                places=[("Khartoum", KHARTOUM)],
                events=[dict(type="Protests", sub_type="Protest with intervention", trigger="marched",
                             sentence="Hundreds of protesters marched in Khartoum on Friday demanding "
                                      "an end to the fighting.",
                             date=date(2023, 9, 29), place=KHARTOUM, actor1="Protesters (Sudan)")]),
    ]


def hostile_article() -> ProcessedDocument:
    """An article whose title and text carry script injections."""
    text = ("<script>window.__pwned = 1</script> Gunmen attacked a market in Khartoum on Sunday "
            "</script><img src=x onerror=\"window.__pwned = 2\"> killing two traders. "
            "A sign read {{ 7*191 }} and {% if true %}x{% endif %}.")
    return article(
        text, title="<script>window.__pwned = 3</script></script><img src=x onerror=window.__pwned=4> {{ 7*191 }}",
        published=date(2023, 10, 1), url="javascript:window.__pwned=5",
        places=[("Khartoum", KHARTOUM)],
        events=[dict(type="Violence against civilians", sub_type="Attack", trigger="attacked",
                     sentence="Gunmen attacked a market in Khartoum on Sunday </script><img src=x "
                              "onerror=\"window.__pwned = 2\"> killing two traders.",
                     date=date(2023, 10, 1), place=KHARTOUM,
                     actor1="<script>window.__pwned=6</script>{{ 7*191 }}", fatalities=2)],
    )
