"""Plausible dates for demo content dated relative to the day the demo is loaded.

Events of the network take place on working days – workshops preferably Tuesday to Thursday –
never on a public holiday in North Rhine-Westphalia, nor between Christmas and New Year. News
appear on working days. The holidays are computed here (fixed days plus the Easter cycle), so
no holiday library is needed for the few years a demo spans.
"""

import datetime
from functools import cache

ONE_DAY = datetime.timedelta(days=1)
TUESDAY, THURSDAY, SATURDAY = 1, 3, 5


def easter_sunday(year: int) -> datetime.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


@cache
def nrw_holidays(year: int) -> frozenset[datetime.date]:
    """Public holidays in North Rhine-Westphalia (Feiertagsgesetz NW)."""
    easter = easter_sunday(year)
    fixed = [(1, 1), (5, 1), (10, 3), (11, 1), (12, 25), (12, 26)]
    # Karfreitag, Ostermontag, Christi Himmelfahrt, Pfingstmontag, Fronleichnam
    moving = [-2, 1, 39, 50, 60]
    return frozenset(
        [datetime.date(year, month, day) for month, day in fixed]
        + [easter + datetime.timedelta(days=offset) for offset in moving]
    )


def is_holiday(day: datetime.date) -> bool:
    return day in nrw_holidays(day.year)


def between_the_years(day: datetime.date) -> bool:
    """24 December to 1 January: offices closed or thinly staffed, nobody holds a workshop."""
    return (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < SATURDAY and not is_holiday(day)


def is_event_day(day: datetime.date, saturday: bool = False) -> bool:
    """A day an event of this kind may take place on (Saturdays only for festivals and such)."""
    if between_the_years(day) or is_holiday(day):
        return False
    return day.weekday() < SATURDAY or (saturday and day.weekday() == SATURDAY)


def event_start(
    day: datetime.date, length: int = 1, saturday: bool = False, earlier: bool = False
) -> datetime.date:
    """``day`` if every day of the event is plausible there, else the next Tuesday to Thursday
    (the next Saturday for Saturday events) on which it is – the one before ``day`` with
    ``earlier`` (for past events, which must stay in the past)."""

    def fits(start: datetime.date) -> bool:
        return all(is_event_day(start + n * ONE_DAY, saturday) for n in range(length))

    def preferred(start: datetime.date) -> bool:
        if saturday:
            return start.weekday() == SATURDAY
        return TUESDAY <= start.weekday() <= THURSDAY

    if fits(day):
        return day
    step = -ONE_DAY if earlier else ONE_DAY
    start = day + step
    while not (preferred(start) and fits(start)):
        start += step
    return start


def previous_working_day(day: datetime.date) -> datetime.date:
    """``day`` or the last working day before it (for news and registration deadlines)."""
    while not is_working_day(day) or between_the_years(day):
        day -= ONE_DAY
    return day
