"""`ib-tui demo generate`: many realistic, varied items, fast, for trying the app at scale.

The content is plain Python (seeded, so a run can be repeated); the bulk SQL is in
`ib_tui.store.bulk`. Rows are produced as tuples in `ITEM_COLUMNS` order, never as `Item`
objects: building a million dataclasses and converting them back to rows would cost more
than the whole insert.

What makes the data useful rather than noise: items arrive in date order over twenty years
(ids grow with time, as in a real register), recurring forums come back every year in a
rotating host city (so "what did we do last time?" has answers), older items are decided or
written off with a recorded decision, recent ones are still open.
"""

from __future__ import annotations

import multiprocessing
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from queue import Empty
from typing import Any

from ib_tui.domain.model import Kind, Status
from ib_tui.domain.positions import Decision, Outcome
from ib_tui.services.context import ServiceContext
from ib_tui.store import HISTORY_COLUMNS, ITEM_COLUMNS, BulkWriter, DatabaseNotEmpty

__all__ = ["HISTORY_COLUMNS", "ITEM_COLUMNS", "DatabaseNotEmpty", "GeneratedRows", "generate"]

YEARS = 20
CHUNK = 20_000  # rows per executemany: large enough to amortise, small enough for progress

# (name, host cities as (city, country)): recurring conferences, the heart of precedent search.
FORUMS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Eurocities årsmöte", (("Bryssel", "Belgien"), ("Lyon", "Frankrike"),
                            ("Leipzig", "Tyskland"), ("Göteborg", "Sverige"),
                            ("Braga", "Portugal"), ("Tammerfors", "Finland"))),
    ("ICLEI World Congress", (("Malmö", "Sverige"), ("Montréal", "Kanada"), ("Bonn", "Tyskland"))),
    ("C40 World Mayors Summit", (("Köpenhamn", "Danmark"), ("Buenos Aires", "Argentina"),
                                 ("Seoul", "Sydkorea"))),
    ("Smart City Expo World Congress", (("Barcelona", "Spanien"),)),
    ("Nordiska huvudstadsmötet", (("Oslo", "Norge"), ("Helsingfors", "Finland"),
                                  ("Köpenhamn", "Danmark"), ("Reykjavik", "Island"))),
    ("Östersjöstädernas förbundsmöte (UBC)", (("Gdańsk", "Polen"), ("Åbo", "Finland"),
                                              ("Tallinn", "Estland"), ("Riga", "Lettland"))),
    ("EU:s regionkommitté, plenarsession", (("Bryssel", "Belgien"),)),
    ("Urban Future Global Conference", (("Wien", "Österrike"), ("Graz", "Österrike"))),
    ("Metropolis årskongress", (("Montréal", "Kanada"), ("Sydney", "Australien"))),
    ("Almedalsveckan, internationellt seminarium", (("Visby", "Sverige"),)),
)  # fmt: skip
CITIES = (
    ("Helsingfors", "Finland"), ("Oslo", "Norge"), ("Köpenhamn", "Danmark"), ("Tallinn", "Estland"),
    ("Riga", "Lettland"), ("Vilnius", "Litauen"), ("Berlin", "Tyskland"), ("Hamburg", "Tyskland"),
    ("Amsterdam", "Nederländerna"), ("Rotterdam", "Nederländerna"), ("Paris", "Frankrike"),
    ("Wien", "Österrike"), ("Warszawa", "Polen"), ("Kraków", "Polen"), ("Prag", "Tjeckien"),
    ("Budapest", "Ungern"), ("Kyiv", "Ukraina"), ("Lissabon", "Portugal"), ("Madrid", "Spanien"),
    ("Rom", "Italien"), ("Milano", "Italien"), ("London", "Storbritannien"),
    ("Edinburgh", "Storbritannien"), ("Dublin", "Irland"), ("New York", "USA"), ("Chicago", "USA"),
    ("Toronto", "Kanada"), ("Shanghai", "Kina"), ("Guangzhou", "Kina"), ("Tokyo", "Japan"),
    ("Seoul", "Sydkorea"), ("Singapore", "Singapore"), ("Nairobi", "Kenya"),
    ("Kapstaden", "Sydafrika"), ("São Paulo", "Brasilien"), ("Mumbai", "Indien"),
    ("Reykjavik", "Island"), ("Tórshavn", "Färöarna"), ("Nuuk", "Grönland"),
    ("Mariehamn", "Åland"), ("Zürich", "Schweiz"), ("Bryssel", "Belgien"),
)  # fmt: skip
REQUESTERS = (
    "Stadsledningskontoret", "Kulturförvaltningen", "Miljöförvaltningen", "Trafikkontoret",
    "Exploateringskontoret", "Stadsbyggnadskontoret", "Utbildningsförvaltningen",
    "Socialförvaltningen", "Idrottsförvaltningen", "Äldreförvaltningen",
    "Arbetsmarknadsförvaltningen", "Stockholm Business Region", "Stockholms Hamnar",
    "Stockholm Vatten och Avfall", "Södermalms stadsdelsförvaltning",
    "Östermalms stadsdelsförvaltning", "Skärholmens stadsdelsförvaltning", "Kommunfullmäktige",
    "Stockholmshem", "Visit Stockholm",
)  # fmt: skip
THEMES = (
    "klimatomställning", "äldreomsorg", "kollektivtrafik", "bostadsförsörjning",
    "digitalisering", "trygghet i offentlig miljö", "näringslivsutveckling", "kulturarv",
    "idrott och folkhälsa", "integration och etablering", "skolutveckling", "vattenförvaltning",
    "hållbart stadsbyggande", "cirkulär ekonomi", "förnybar energi", "barns rättigheter",
    "jämställdhet", "smörgåsbordets historia", "räksmörgåsar och matkultur", "grönområden",
    "cykelinfrastruktur", "kompetensförsörjning", "krisberedskap", "öppna data",
)  # fmt: skip
ORGANISATIONS = (
    "Eurocities", "ICLEI", "C40 Cities", "Union of the Baltic Cities", "Metropolis",
    "Covenant of Mayors", "Global Parliament of Mayors", "Energy Cities", "Polis-nätverket",
    "Nordiska huvudstäders samarbete", "Fast-Track Cities", "Strong Cities Network",
)  # fmt: skip
CONGRESSES = (
    "Världskongressen i neurologi", "Europeiska tandläkarkongressen", "VM i orientering",
    "EM i friidrott för veteraner", "Internationella biblioteksförbundets kongress",
    "Nordiska sjuksköterskekongressen", "Internationella vattenveckan", "Stockholm Junior Water "
    "Prize", "Europeiska kardiologkongressen", "VM i bandy",
)  # fmt: skip
WRITE_OFF_REASONS = (
    "Inbjudan återkallad av arrangören.",
    "Förvaltningen drog tillbaka sin begäran.",
    "Ärendet har hanterats av nämnden inom befintlig budget.",
    "Konferensen ställdes in.",
    "Besöket genomfördes digitalt utan kostnad för staden.",
)
# IB's position before the decision, for the decided items' history.
OUTCOMES = ((Outcome.ENDORSED, 70), (Outcome.OPPOSED, 15), (Outcome.RAISED_TO_KS, 15))
ENDORSE_CLAUSES = (
    "deltagande beviljas för högst två tjänstepersoner",
    "deltagande beviljas under förutsättning att kostnaderna ryms inom nämndens budget",
    "ansökan beviljas och resultatet återrapporteras till beredningen",
)


@dataclass(frozen=True, slots=True)
class GeneratedRows:
    """One chunk: item rows (ids given) and their history rows."""

    items: list[tuple[object, ...]]
    history: list[tuple[object, ...]]


def _costs(rng: random.Random, kind: Kind) -> tuple[int, int, int, int, int, int, int]:
    """(travel, accommodation, fees, meals, gifts, transport, other) in SEK, by kind."""
    r = rng.randrange
    match kind:
        case Kind.CONFERENCE:
            people = r(1, 5)
            return (people * r(2, 25) * 1000, people * r(3, 18) * 1000, people * r(0, 12) * 1000,
                    0, 0, 0, r(0, 3) * 1000)  # fmt: skip
        case Kind.VISIT:
            return (0, 0, 0, r(0, 40) * 500, r(0, 8) * 250, r(0, 20) * 500, 0)
        case Kind.REPRESENTATION:
            return (0, 0, 0, r(20, 400) * 1000, r(0, 10) * 500, r(0, 30) * 1000, 0)
        case Kind.MEMBERSHIP:
            return (0, 0, r(5, 500) * 1000, 0, 0, 0, 0)
        case Kind.COOPERATION:
            return (r(0, 60) * 1000, r(0, 30) * 1000, 0, 0, 0, 0, r(0, 200) * 1000)
        case _:
            return (0, 0, 0, 0, 0, 0, r(0, 3) * 5000 if r(10) == 0 else 0)


def _content(rng: random.Random, kind: Kind, year: int) -> tuple[str, str, str, str]:
    """(title, summary, city, country) for one item of `kind` received in `year`.

    Summaries are one short sentence: the FTS rebuild is the largest part of the load and
    grows with the number of words (measured: 20 s for 1M items with two-sentence ones)."""
    theme = rng.choice(THEMES)
    match kind:
        case Kind.CONFERENCE:
            forum, hosts = FORUMS[rng.randrange(len(FORUMS))]
            city, country = hosts[year % len(hosts)]  # the host rotates year by year
            title = f"{forum} {year}"
            summary = f"Deltagande i {city} med fokus på {theme}."
        case Kind.VISIT:
            city, country = rng.choice(CITIES)
            title = f"Delegationsbesök från {city} om {theme}"
            summary = f"Delegationen vill studera stadens arbete med {theme}."
        case Kind.REPRESENTATION:
            congress = rng.choice(CONGRESSES)
            city, country = "Stockholm", "Sverige"
            title = f"Mottagning i Stadshuset: {congress} {year}"
            summary = "De flesta deltagarna kommer från utlandet."
        case Kind.COOPERATION:
            city, country = rng.choice(CITIES)
            title = f"Samarbetsavtal med {city} om {theme}"
            summary = "Tidsbegränsat avtal med konkret utbyte och ömsesidig nytta."
        case Kind.MEMBERSHIP:
            organisation = rng.choice(ORGANISATIONS)
            city, country = "Bryssel", "Belgien"
            title = f"Medlemskap i {organisation}"
            summary = f"Nätverket arbetar med {theme}; omprövas regelbundet."
        case _:
            organisation = rng.choice(ORGANISATIONS)
            city, country = rng.choice(CITIES)
            title = f"Deklaration om {theme} ({organisation})"
            summary = f"Anslutning till {organisation}s deklaration, utan ökad resursbörda."
    return title, summary, city, country


def _status(rng: random.Random, age_days: int) -> Status:
    """Old items are closed (decided or written off); recent ones are still in the chain."""
    if age_days > 120:
        return Status.WRITTEN_OFF if rng.randrange(10) == 0 else Status.DECIDED
    statuses = tuple(Status)  # recent items are anywhere in the chain
    return statuses[rng.randrange(len(statuses))]


def rows(
    count: int,
    *,
    today: date,
    first_id: int = 1,
    seed: int = 1,
    user: str = "demo",
    zone: str = "+01:00",
) -> Iterator[GeneratedRows]:
    """`count` items received over the last YEARS years, oldest first, in chunks.

    Timestamps carry `zone` (the local UTC offset) like the ones the app writes itself."""
    rng = random.Random(seed)
    start = today - timedelta(days=365 * YEARS)
    span = (today - start).days
    kinds = list(Kind)
    kind_weights = [40, 8, 20, 10, 12, 10]  # conferences are most of IB's traffic
    outcomes = [outcome for outcome, _ in OUTCOMES]
    outcome_weights = [weight for _, weight in OUTCOMES]
    dnr_year, dnr_number = 0, 0
    items: list[tuple[object, ...]] = []
    history: list[tuple[object, ...]] = []
    kind_draws = rng.choices(kinds, kind_weights, k=count)
    for n in range(count):
        item_id = first_id + n
        received = start + timedelta(days=n * span // max(count, 1))
        year = received.year
        if year != dnr_year:
            dnr_year, dnr_number = year, 0
        dnr_number += 1
        kind = kind_draws[n]
        title, summary, city, country = _content(rng, kind, year)
        starts = received + timedelta(days=rng.randrange(20, 200))
        ends = starts + timedelta(days=rng.randrange(0, 4))
        age = (today - received).days
        status = _status(rng, age)
        registered = f"{received.isoformat()}T09:00:00{zone}"
        changed_day = min(received + timedelta(days=rng.randrange(7, 90)), today)
        changed = f"{changed_day.isoformat()}T15:00:00{zone}"
        status_changed = registered if status is Status.RECEIVED else changed
        costs = _costs(rng, kind)
        guests = rng.randrange(3, 40) if kind in (Kind.VISIT, Kind.REPRESENTATION) else None
        items.append(
            (item_id, kind.value, title, f"KS {year}/{dnr_number}", rng.choice(REQUESTERS),
             received.isoformat(), starts.isoformat(), ends.isoformat(), summary, city, country,
             guests, *costs, int(kind is Kind.CONFERENCE and rng.randrange(8) == 0),
             int(rng.randrange(100) == 0), status.value, status_changed, 1, registered,
             status_changed)
        )  # fmt: skip
        history.append((item_id, registered, user, "create", None, None, title, None, 1))
        if status is not Status.RECEIVED:
            reason = rng.choice(WRITE_OFF_REASONS) if status is Status.WRITTEN_OFF else None
            history.append(
                (item_id, changed, user, "status", "status", Status.RECEIVED.value, status.value,
                 reason, 1)
            )  # fmt: skip
        if status is Status.DECIDED:
            outcome = rng.choices(outcomes, outcome_weights)[0]
            clauses = (rng.choice(ENDORSE_CLAUSES),) if outcome is Outcome.ENDORSED else ()
            history.append(
                (item_id, changed, user, "decision", "decision", None, outcome.label,
                 Decision(outcome, clauses).sentence(), 1)
            )  # fmt: skip
        if len(items) >= CHUNK:
            yield GeneratedRows(items, history)
            items, history = [], []
    if items:
        yield GeneratedRows(items, history)


def generate(
    context: ServiceContext,
    count: int,
    *,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Fills an empty database with `count` generated items in one transaction.

    Raises DatabaseNotEmpty if it already holds items: generated data must never mix with a
    real register (the same rule as `--demo --db`)."""
    now = context.now()
    offset = now.strftime("%z") or "+0000"
    zone = f"{offset[:3]}:{offset[3:]}"
    done = 0
    with BulkWriter(context.store, expected_items=count) as writer:
        options: dict[str, Any] = {"today": now.date(), "first_id": writer.first_id, "seed": seed,
                   "user": context.user, "zone": zone}  # fmt: skip
        # Small sets are made in-process: starting a process costs more than they do.
        chunks = _ahead(count, options) if count > CHUNK else rows(count, **options)
        for chunk in chunks:
            writer.write(chunk.items, chunk.history)
            done += len(chunk.items)
            if progress:
                progress(done, count)
    return done


def _produce(queue: Any, count: int, options: dict[str, Any]) -> None:
    """The generating process: sends chunks, then None (or the error's text)."""
    try:
        for chunk in rows(count, **options):
            queue.put(chunk)
        queue.put(None)
    except BaseException as error:  # the writer reports it; nothing was committed
        queue.put(f"{type(error).__name__}: {error}")


def _ahead(count: int, options: dict[str, Any]) -> Iterator[GeneratedRows]:
    """Generates the chunks in a second process while this one writes them.

    On two cores they overlap, but the writer pays for unpickling the chunks: measured at
    300k items, 18.2 s instead of 19.4 s (median of two). A thread was worse than neither:
    the GIL serialised it with executemany's parameter binding (100k items: 8.2 s vs 5.6 s)."""
    context = multiprocessing.get_context("spawn")  # no fork of a process that has threads
    queue = context.Queue(maxsize=4)
    process = context.Process(target=_produce, args=(queue, count, options), daemon=True)
    process.start()
    try:
        while True:
            try:
                chunk = queue.get(timeout=1.0)
            except Empty:
                if not process.is_alive():  # killed (out of memory?) without a word
                    raise RuntimeError("the generating process stopped") from None
                continue
            if chunk is None:
                return
            if isinstance(chunk, str):
                raise RuntimeError(f"generating items failed: {chunk}")
            yield chunk
    finally:
        if process.is_alive():
            process.terminate()
        process.join()
