//! Dates and times for `{{date}}`, `{{jour}}` and `{{heure}}`, without a browser and without a
//! clock: the caller gives the moment as local date and time with its UTC offset (`Moment`);
//! civil-date arithmetic (days from 1970-01-01, proleptic Gregorian) and a small table of month
//! and weekday names in French and English. « 1er décembre », « 26 novembre », "November 26";
//! « jeudi », "Thursday"; « 14 h 30 » (fr-CA), « 14:30 » (fr-FR), "2:30 PM" (en). French puts a
//! no-break space (U+00A0) between a number and its word or unit.

use super::model::Lang;
use super::parse::{Shift, Unit};

/// A moment as the user lives it: the local date and time, and the UTC offset they are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Days since 1970-01-01 of the local date.
    pub day: i64,
    /// Minutes since local midnight (0 to 1439).
    pub minute: u16,
    /// The UTC offset in minutes (`-300` for UTC−05:00).
    pub offset: i16,
}

const NBSP: char = '\u{a0}';

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1–12, day 1–31) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

/// 0 for Monday … 6 for Sunday.
pub fn weekday(day: i64) -> u32 {
    (day + 3).rem_euclid(7) as u32
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Moment {
    /// A moment from its local parts; `None` for an impossible date or time.
    pub fn new(y: i64, m: u32, d: u32, hour: u32, minute: u32, offset: i16) -> Option<Moment> {
        let ok = (1..=12).contains(&m)
            && (1..=days_in_month(y, m)).contains(&d)
            && hour < 24
            && minute < 60
            && offset.abs() < 24 * 60
            && (-9999..=9999).contains(&y);
        ok.then(|| Moment {
            day: days_from_civil(y, m, d),
            minute: (hour * 60 + minute) as u16,
            offset,
        })
    }

    /// Reads an RFC 3339 moment, `2026-11-24T10:00:00-05:00` (seconds and fractions optional,
    /// `Z` for UTC, a space for `T`): its local date and time are the ones written.
    pub fn parse(s: &str) -> Option<Moment> {
        let s = s.trim();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let t = s.get(r)?;
            t.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| t.parse().ok())
                .flatten()
        };
        let b = s.as_bytes();
        if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        if b[13] != b':' {
            return None;
        }
        let (y, m, d, h, mi) = (
            num(0..4)?,
            num(5..7)?,
            num(8..10)?,
            num(11..13)?,
            num(14..16)?,
        );
        let mut rest = &s[16..];
        if let Some(r) = rest.strip_prefix(':') {
            let sec = r.get(..2)?;
            if !sec.bytes().all(|c| c.is_ascii_digit()) || sec > "60" {
                return None;
            }
            rest = &r[2..];
            if let Some(f) = rest.strip_prefix('.') {
                let n = f.bytes().take_while(u8::is_ascii_digit).count();
                if n == 0 {
                    return None;
                }
                rest = &f[n..];
            }
        }
        let offset = match rest {
            "Z" | "z" => 0,
            _ => {
                let sign = match rest.as_bytes().first() {
                    Some(b'+') => 1,
                    Some(b'-') => -1,
                    _ => return None,
                };
                let r = &rest[1..];
                if r.len() != 5 || r.as_bytes()[2] != b':' {
                    return None;
                }
                let (oh, om): (u32, u32) = (r[..2].parse().ok()?, r[3..].parse().ok()?);
                if om >= 60
                    || !r[..2]
                        .bytes()
                        .chain(r[3..].bytes())
                        .all(|c| c.is_ascii_digit())
                {
                    return None;
                }
                sign * (oh * 60 + om) as i32
            }
        };
        Moment::new(y as i64, m, d, h, mi, i16::try_from(offset).ok()?)
    }

    /// The local date, shifted.
    pub fn shifted(&self, s: Shift) -> i64 {
        match s.unit {
            Unit::Days => self.day + s.n as i64,
            Unit::Weeks => self.day + 7 * s.n as i64,
            Unit::BusinessDays => add_business_days(self.day, s.n),
        }
    }
}

/// `day` moved by `n` business days (Monday to Friday): from Friday, +1 is Monday; from a
/// Saturday or Sunday, +1 is Monday too (and −1 Friday).
pub fn add_business_days(day: i64, n: i32) -> i64 {
    let step = if n < 0 { -1 } else { 1 };
    let mut d = day;
    for _ in 0..n.unsigned_abs() {
        d += step;
        while weekday(d) >= 5 {
            d += step;
        }
    }
    d
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// « 26 novembre », « 1er décembre », "November 26".
pub fn format_date(day: i64, lang: Lang) -> String {
    let (_, m, d) = civil_from_days(day);
    let m = m as usize - 1;
    if lang.is_french() {
        let er = if d == 1 { "er" } else { "" };
        format!("{d}{er}{NBSP}{}", MONTHS_FR[m])
    } else {
        format!("{} {d}", MONTHS_EN[m])
    }
}

/// « jeudi », "Thursday".
pub fn format_weekday(day: i64, lang: Lang) -> &'static str {
    let w = weekday(day) as usize;
    if lang.is_french() {
        DAYS_FR[w]
    } else {
        DAYS_EN[w]
    }
}

/// « 14 h 30 » and « 14 h » (fr-CA), « 14:30 » (fr-FR), "2:30 PM" (en).
pub fn format_time(minute: u16, lang: Lang) -> String {
    let (h, m) = (minute / 60, minute % 60);
    match lang {
        Lang::FrCa if m == 0 => format!("{h}{NBSP}h"),
        Lang::FrCa => format!("{h}{NBSP}h{NBSP}{m:02}"),
        Lang::FrFr => format!("{h}:{m:02}"),
        Lang::En => {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            format!("{h12}:{m:02} {}", if h < 12 { "AM" } else { "PM" })
        }
    }
}
