//! The ICS calendar (RFC 5545) of scheduled items, written here rather than with the `ics`
//! crate: one VCALENDAR of VEVENTs with six properties needs only text escaping (§3.3.11) and
//! line folding at 75 octets without cutting a UTF-8 sequence (§3.1), both tested below, and the
//! extension's engine gains no dependency. Planned times are the user's wall-clock times, so
//! they are written as floating local times (§3.3.5, form #1): a calendar shows them at the
//! hour the user chose, wherever it runs.

use crate::backlog::{Item, State};
use crate::capture::date::civil_from_days;

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded: at most 75 octets a line, continuation lines start with a space,
/// never inside a UTF-8 sequence; CRLF after each.
pub fn fold(line: &str, out: &mut String) {
    let mut start = 0;
    let mut limit = 75;
    while line.len() - start > limit {
        let mut cut = start + limit;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&line[start..cut]);
        out.push_str("\r\n ");
        start = cut;
        limit = 74; // the leading space counts
    }
    out.push_str(&line[start..]);
    out.push_str("\r\n");
}

fn utc_stamp(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        s / 3600,
        (s / 60) % 60,
        s % 60
    )
}

/// The calendar of the items in the `scheduled` state (those with a date and time), in date
/// order. `now_ms` is the DTSTAMP of every event.
pub fn export(items: &[Item], now_ms: u64) -> String {
    let mut scheduled: Vec<&Item> = items
        .iter()
        .filter(|i| i.state == State::Scheduled && i.planned.is_some_and(|p| p.time.is_some()))
        .collect();
    scheduled.sort_by(|a, b| (a.planned, &a.id).cmp(&(b.planned, &b.id)));
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Porte-voix//Backlog//FR",
        "CALSCALE:GREGORIAN",
    ] {
        fold(l, &mut out);
    }
    let stamp = utc_stamp(now_ms);
    for item in scheduled {
        let Some(p) = item.planned else { continue };
        let Some(t) = p.time else { continue };
        fold("BEGIN:VEVENT", &mut out);
        fold(
            &format!("UID:{}@porte-voix", escape_text(&item.id)),
            &mut out,
        );
        fold(&format!("DTSTAMP:{stamp}"), &mut out);
        fold(
            &format!(
                "DTSTART:{:04}{:02}{:02}T{:02}{:02}00",
                p.date.year, p.date.month, p.date.day, t.hour, t.minute
            ),
            &mut out,
        );
        fold(&format!("SUMMARY:{}", escape_text(&item.title)), &mut out);
        let mut desc = Vec::new();
        if !item.networks.is_empty() {
            let ids: Vec<&str> = item.networks.iter().map(|n| n.id()).collect();
            desc.push(ids.join(", "));
        }
        for d in &item.drafts {
            desc.push(format!("[{}] {}", d.network.id(), d.text));
        }
        if !item.note.is_empty() {
            desc.push(item.note.clone());
        }
        if !desc.is_empty() {
            fold(
                &format!("DESCRIPTION:{}", escape_text(&desc.join("\n\n"))),
                &mut out,
            );
        }
        if let Some(url) = item.url() {
            fold(&format!("URL:{url}"), &mut out);
        }
        if !item.tags.is_empty() {
            let tags: Vec<String> = item.tags.iter().map(|t| escape_text(t)).collect();
            fold(&format!("CATEGORIES:{}", tags.join(",")), &mut out);
        }
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escaping() {
        assert_eq!(
            escape_text("Soldes ; -20 %, vite\\\r\nfin"),
            "Soldes \\; -20 %\\, vite\\\\\\nfin"
        );
    }

    #[test]
    fn folding_keeps_75_octets_and_whole_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(100));
        let mut out = String::new();
        fold(&line, &mut out);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded: String = out.replace("\r\n ", "").trim_end().to_string();
        assert_eq!(unfolded, line);
        assert_eq!(utc_stamp(1_764_583_200_000), "20251201T100000Z");
    }
}
