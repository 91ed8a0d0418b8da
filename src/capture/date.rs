//! Dates as pages declare them (ISO 8601 / RFC 3339 variants), normalised: with an offset, the
//! instant in UTC (`2026-11-24T09:00:00Z`); without one, the local date-time as declared; a date
//! alone stays a date. The civil-calendar arithmetic the backlog's calendar uses is re-exported
//! from `template::dates`.

/// The civil-calendar arithmetic is the template dates' own (one implementation for the crate).
pub use crate::template::dates::{civil_from_days, days_from_civil};

/// Days in a month.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    let part = s.get(..n)?;
    part.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| part.parse().ok())?
}

/// A date `YYYY-MM-DD` at the start of `s`.
pub fn parse_date(s: &str) -> Option<(i64, u32, u32)> {
    let y = digits(s, 4)? as i64;
    let m = digits(s.get(5..)?, 2)?;
    let d = digits(s.get(8..)?, 2)?;
    (s.as_bytes()[4] == b'-'
        && s.as_bytes()[7] == b'-'
        && (1..=12).contains(&m)
        && (1..=days_in_month(y, m)).contains(&d))
    .then_some((y, m, d))
}

/// A declared publication date, normalised (see the module); `None` when it is not a date.
pub fn normalize_published(s: &str) -> Option<String> {
    let s = s.trim();
    let (y, mo, d) = parse_date(s)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(format!("{y:04}-{mo:02}-{d:02}"));
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let h = digits(rest, 2)?;
    let mi = digits(rest.get(3..)?, 2)?;
    if rest.as_bytes()[2] != b':' || h > 23 || mi > 59 {
        return None;
    }
    let mut rest = &rest[5..];
    let mut sec = 0;
    if let Some(r) = rest.strip_prefix(':') {
        sec = digits(r, 2)?;
        if sec > 60 {
            return None;
        }
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix(['.', ',']) {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            rest = &r[n..];
        }
    }
    let sec = sec.min(59);
    let offset_minutes: Option<i64> = match rest {
        "" => None,
        "Z" | "z" => Some(0),
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let r = &rest[1..];
            let oh = digits(r, 2)? as i64;
            let om = match &r[2..] {
                "" => 0,
                m if m.len() == 3 && m.starts_with(':') => digits(&m[1..], 2)? as i64,
                m if m.len() == 2 => digits(m, 2)? as i64,
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            Some(sign * (oh * 60 + om))
        }
    };
    match offset_minutes {
        None => Some(format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{sec:02}")),
        Some(off) => {
            let minutes = days_from_civil(y, mo, d) * 1440 + h as i64 * 60 + mi as i64 - off;
            let (yy, mm, dd) = civil_from_days(minutes.div_euclid(1440));
            let m_of_day = minutes.rem_euclid(1440);
            Some(format!(
                "{yy:04}-{mm:02}-{dd:02}T{:02}:{:02}:{sec:02}Z",
                m_of_day / 60,
                m_of_day % 60
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_dates_normalised() {
        let cases = [
            ("2026-11-24T10:00:00Z", Some("2026-11-24T10:00:00Z")),
            ("2026-11-24T11:00:00+01:00", Some("2026-11-24T10:00:00Z")),
            ("2026-11-24T05:00:00-05:00", Some("2026-11-24T10:00:00Z")),
            ("2026-11-24T00:30:00+0200", Some("2026-11-23T22:30:00Z")),
            ("2026-12-31T23:30:00-01", Some("2027-01-01T00:30:00Z")),
            (
                "2024-02-29T23:59:59.123-00:01",
                Some("2024-03-01T00:00:59Z"),
            ),
            ("2026-11-24 10:00", Some("2026-11-24T10:00:00")),
            ("2026-11-24T10:00:00", Some("2026-11-24T10:00:00")),
            ("  2026-11-24 ", Some("2026-11-24")),
            ("2026-02-29", None),
            ("2026-13-01", None),
            ("24/11/2026", None),
            ("2026-11-24T25:00:00Z", None),
            ("2026-11-24T10:00:00 CET", None),
            ("hier", None),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_published(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}
