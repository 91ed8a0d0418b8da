//! Dates and times in French (Québec, France) and English, computed in the user's UTC offset,
//! with day, week and business-day offsets.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::template::dates::{
    add_business_days, civil_from_days, days_from_civil, format_date, format_time, format_weekday,
    weekday, Moment,
};
use porte_voix::template::parse::{Shift, Unit};
use porte_voix::template::Lang;
use proptest::prelude::*;

const NB: &str = "\u{a0}";

fn m(s: &str) -> Moment {
    Moment::parse(s).unwrap_or_else(|| panic!("{s}"))
}

#[test]
fn dates_in_both_languages() {
    // (moment, fr, en)
    let cases = [
        ("2026-11-26T10:00:00-05:00", "26 novembre", "November 26"),
        ("2026-12-01T08:00:00+01:00", "1er décembre", "December 1"),
        ("2027-01-01T00:00:00Z", "1er janvier", "January 1"),
        ("2026-08-15T12:00:00+02:00", "15 août", "August 15"),
        ("2026-02-28T23:59:00-08:00", "28 février", "February 28"),
        ("2028-02-29T09:00:00-05:00", "29 février", "February 29"),
        ("2026-07-04T09:00:00-04:00", "4 juillet", "July 4"),
    ];
    for (now, fr, en) in cases {
        let d = m(now).day;
        assert_eq!(format_date(d, Lang::FrCa), fr.replace(' ', NB), "{now}");
        assert_eq!(format_date(d, Lang::FrFr), fr.replace(' ', NB), "{now}");
        assert_eq!(format_date(d, Lang::En), en, "{now}");
    }
}

#[test]
fn the_local_date_is_the_one_in_the_users_offset() {
    // 23:30 in Montréal is already the next day in UTC: the user's date counts
    let d = m("2026-11-24T23:30:00-05:00").day;
    assert_eq!(format_date(d, Lang::En), "November 24");
    let d = m("2026-11-25T00:30:00+01:00").day;
    assert_eq!(format_date(d, Lang::FrFr), format!("25{NB}novembre"));
}

#[test]
fn weekdays() {
    // 2026-11-26 is a Thursday
    let d = m("2026-11-26T10:00:00-05:00").day;
    assert_eq!(format_weekday(d, Lang::FrCa), "jeudi");
    assert_eq!(format_weekday(d, Lang::En), "Thursday");
    let names_fr = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    let monday = m("2026-11-23T10:00:00-05:00").day;
    for (k, name) in names_fr.iter().enumerate() {
        assert_eq!(format_weekday(monday + k as i64, Lang::FrFr), *name);
    }
    assert_eq!(weekday(days_from_civil(1970, 1, 1)), 3); // Thursday
    assert_eq!(weekday(days_from_civil(2000, 1, 1)), 5); // Saturday
}

#[test]
fn times_per_locale() {
    // (hh:mm, fr-CA, fr-FR, en)
    let cases = [
        ("14:30", "14 h 30", "14:30", "2:30 PM"),
        ("14:00", "14 h", "14:00", "2:00 PM"),
        ("09:05", "9 h 05", "9:05", "9:05 AM"),
        ("00:00", "0 h", "0:00", "12:00 AM"),
        ("00:15", "0 h 15", "0:15", "12:15 AM"),
        ("12:00", "12 h", "12:00", "12:00 PM"),
        ("23:59", "23 h 59", "23:59", "11:59 PM"),
    ];
    for (hm, ca, fr, en) in cases {
        let now = m(&format!("2026-11-24T{hm}:00-05:00"));
        assert_eq!(
            format_time(now.minute, Lang::FrCa),
            ca.replace(' ', NB),
            "{hm}"
        );
        assert_eq!(format_time(now.minute, Lang::FrFr), fr, "{hm}");
        assert_eq!(format_time(now.minute, Lang::En), en, "{hm}");
    }
}

#[test]
fn offsets_in_days_weeks_and_business_days() {
    let shift = |n, unit| Shift { n, unit };
    // Tuesday 2026-11-24
    let now = m("2026-11-24T10:00:00-05:00");
    let cases = [
        (shift(2, Unit::Days), "November 26"),
        (shift(7, Unit::Days), "December 1"),
        (shift(-24, Unit::Days), "October 31"),
        (shift(1, Unit::Weeks), "December 1"),
        (shift(2, Unit::BusinessDays), "November 26"),
        (shift(4, Unit::BusinessDays), "November 30"), // Tue + 4 = Mon (weekend skipped)
        (shift(5, Unit::BusinessDays), "December 1"),
        (shift(-2, Unit::BusinessDays), "November 20"), // Friday before
        (shift(38, Unit::Days), "January 1"),
    ];
    for (s, want) in cases {
        assert_eq!(format_date(now.shifted(s), Lang::En), want, "{s:?}");
    }
    // from a Friday, +1 business day is Monday; from a Saturday or Sunday too
    let fri = days_from_civil(2026, 11, 27);
    assert_eq!(weekday(add_business_days(fri, 1)), 0);
    assert_eq!(add_business_days(fri + 1, 1), fri + 3);
    assert_eq!(add_business_days(fri + 2, 1), fri + 3);
    assert_eq!(add_business_days(fri + 2, -1), fri);
    assert_eq!(add_business_days(fri, 0), fri);
}

#[test]
fn moments_parse_strictly() {
    let ok = [
        ("2026-11-24T10:00:00-05:00", -300, 600),
        ("2026-11-24T10:00-05:00", -300, 600),
        ("2026-11-24T10:00:00.123+05:30", 330, 600),
        ("2026-11-24 23:59:59Z", 0, 1439),
        ("2026-11-24t00:00:00z", 0, 0),
    ];
    for (s, offset, minute) in ok {
        let mo = m(s);
        assert_eq!((mo.offset, mo.minute), (offset, minute), "{s}");
    }
    for bad in [
        "",
        "2026-11-24",
        "2026-11-24T10:00:00",
        "2026-13-01T10:00:00Z",
        "2026-02-30T10:00:00Z",
        "2027-02-29T10:00:00Z",
        "2026-11-24T24:00:00Z",
        "2026-11-24T10:60:00Z",
        "2026-11-24T10:00:00+5:00",
        "2026-11-24T10:00:00+25:00",
        "2026-11-24T10:00:00.Z",
        "26-11-24T10:00:00Z",
        "2026-11-24T10:00:00-05:00 extra",
        "２０２６-11-24T10:00:00Z",
    ] {
        assert_eq!(Moment::parse(bad), None, "{bad:?}");
    }
}

proptest! {
    #[test]
    fn civil_dates_round_trip(day in -800_000i64..800_000) {
        let (y, mo, d) = civil_from_days(day);
        prop_assert_eq!(days_from_civil(y, mo, d), day);
        prop_assert!((1..=12).contains(&mo) && (1..=31).contains(&d));
    }

    #[test]
    fn business_days_never_land_on_a_weekend(day in -10_000i64..10_000, n in -400i32..400) {
        let d = add_business_days(day, n);
        if n != 0 {
            prop_assert!(weekday(d) < 5);
        }
    }

    #[test]
    fn moment_parse_never_panics(s in "\\PC{0,40}") {
        let _ = Moment::parse(&s);
    }
}
