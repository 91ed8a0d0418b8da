//! When an item is planned: a local calendar date and, usually, a wall-clock time (floating: the
//! community manager's own time zone, as schedulers take it). Serialised `2026-12-01` or
//! `2026-12-01T09:30`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

use crate::capture::date::{civil_from_days, days_from_civil, parse_date};

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// A wall-clock time to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub hour: u32,
    pub minute: u32,
}

/// A planned date, with its time when one is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Planned {
    pub date: Date,
    pub time: Option<Time>,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        parse_date(&format!("{year:04}-{month:02}-{day:02}")).map(|(y, m, d)| Date {
            year: y as i32,
            month: m,
            day: d,
        })
    }

    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        if s.len() != 10 {
            return None;
        }
        parse_date(s).map(|(y, m, d)| Date {
            year: y as i32,
            month: m,
            day: d,
        })
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i64 {
        days_from_civil(self.year as i64, self.month, self.day)
    }

    pub fn from_day_number(n: i64) -> Date {
        let (y, m, d) = civil_from_days(n);
        Date {
            year: y as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_day_number(self.day_number() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday
        (self.day_number() + 3).rem_euclid(7) as u32
    }

    /// The Monday of this date's week (weeks start on Monday, as in France and ISO 8601).
    pub fn week_start(self) -> Date {
        self.add_days(-(self.weekday() as i64))
    }
}

impl Time {
    pub fn new(hour: u32, minute: u32) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    pub fn parse(s: &str) -> Option<Time> {
        let (h, m) = s.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Time::new(h.parse().ok()?, m.parse().ok()?)
    }
}

impl Planned {
    pub fn at(date: Date, time: Time) -> Planned {
        Planned {
            date,
            time: Some(time),
        }
    }

    /// `2026-12-01`, `2026-12-01T09:30` (or with a space, or with seconds `:00`).
    pub fn parse(s: &str) -> Option<Planned> {
        let s = s.trim();
        let date = Date::parse(s.get(..10)?)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(Planned { date, time: None });
        }
        let t = rest.strip_prefix(['T', ' '])?;
        let t = match t.len() {
            8 if t.ends_with(":00") => &t[..5],
            _ => t,
        };
        Some(Planned {
            date,
            time: Some(Time::parse(t)?),
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl fmt::Display for Planned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(t) => write!(f, "{}T{}", self.date, t),
            None => write!(f, "{}", self.date),
        }
    }
}

impl Serialize for Planned {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Planned {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Planned::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a planned date: {s}")))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        for (s, out) in [
            ("2026-12-01", Some("2026-12-01")),
            ("2026-12-01T09:30", Some("2026-12-01T09:30")),
            ("2026-12-01 9:30", Some("2026-12-01T09:30")),
            ("2026-12-01T09:30:00", Some("2026-12-01T09:30")),
            ("2026-12-01T24:00", None),
            ("2026-02-30", None),
            ("2026-12-01T09:30:15", None),
            ("demain", None),
        ] {
            assert_eq!(
                Planned::parse(s).map(|p| p.to_string()).as_deref(),
                out,
                "{s}"
            );
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2026-12-01 is a Tuesday; 2027-01-03 a Sunday
        let d = Date::new(2026, 12, 1).unwrap();
        assert_eq!(d.weekday(), 1);
        assert_eq!(d.week_start(), Date::new(2026, 11, 30).unwrap());
        let s = Date::new(2027, 1, 3).unwrap();
        assert_eq!(s.weekday(), 6);
        assert_eq!(s.week_start(), Date::new(2026, 12, 28).unwrap());
    }
}
