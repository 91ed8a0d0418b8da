//! Calendar queries: the items planned in a month or a week (weeks start on Monday), in date and
//! time order, and the days a month view shows.

use super::item::{Item, State};
use super::when::Date;

/// The items planned from `first` to `last` (both included), archived ones left out, sorted by
/// date, then time (an item without a time comes first in its day), then title.
pub fn planned_between(items: &[Item], first: Date, last: Date) -> Vec<&Item> {
    let mut out: Vec<&Item> = items
        .iter()
        .filter(|i| i.state != State::Archived)
        .filter(|i| i.planned.is_some_and(|p| p.date >= first && p.date <= last))
        .collect();
    out.sort_by(|a, b| (a.planned, &a.title, &a.id).cmp(&(b.planned, &b.title, &b.id)));
    out
}

/// The first and last day of a month; `None` for a month that is not 1–12.
pub fn month_bounds(year: i32, month: u32) -> Option<(Date, Date)> {
    let first = Date::new(year, month, 1)?;
    let next = if month == 12 {
        Date::new(year + 1, 1, 1)?
    } else {
        Date::new(year, month + 1, 1)?
    };
    Some((first, next.add_days(-1)))
}

/// The items of a month.
pub fn month(items: &[Item], year: i32, month: u32) -> Vec<&Item> {
    match month_bounds(year, month) {
        Some((first, last)) => planned_between(items, first, last),
        None => Vec::new(),
    }
}

/// The items of the week (Monday to Sunday) that contains `day`.
pub fn week(items: &[Item], day: Date) -> Vec<&Item> {
    let monday = day.week_start();
    planned_between(items, monday, monday.add_days(6))
}

/// The days a month grid shows: whole weeks, Monday first, from the week of the 1st to the week
/// of the last day.
pub fn month_grid(year: i32, month: u32) -> Vec<Date> {
    let Some((first, last)) = month_bounds(year, month) else {
        return Vec::new();
    };
    let start = first.week_start();
    let end = last.week_start().add_days(6);
    (0..=end.day_number() - start.day_number())
        .map(|i| start.add_days(i))
        .collect()
}
