//! The arithmetic of a long list drawn only around what is in view (the extension pages'
//! virtualised lists: the template library, the backlog): which rows a scrolled viewport shows,
//! where to scroll so a row is seen whole, and where a navigation key moves the focused row.
//!
//! Rows all have one height, in CSS pixels. Pure: no DOM, no browser crate here (the drawing is
//! `web/pages/virtual_list.rs`).

use std::ops::Range;

/// The number of rows a viewport that has no height yet (not laid out, or hidden) is taken to
/// show: enough to fill a usual screen once it appears.
pub const UNMEASURED_ROWS: usize = 16;

/// Where a viewport is: its scroll offset and height, and the height of one row (pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub scroll_top: f64,
    pub height: f64,
    pub row_height: f64,
}

impl Viewport {
    fn row(&self) -> f64 {
        if self.row_height.is_finite() && self.row_height >= 1.0 {
            self.row_height
        } else {
            1.0
        }
    }

    fn top(&self) -> f64 {
        if self.scroll_top.is_finite() {
            self.scroll_top.max(0.0)
        } else {
            0.0
        }
    }

    fn height(&self) -> f64 {
        if self.height.is_finite() && self.height > 0.0 {
            self.height
        } else {
            self.row() * UNMEASURED_ROWS as f64
        }
    }

    /// The number of whole rows the viewport shows (at least one): what Page Up and Page Down move.
    pub fn page_rows(&self) -> usize {
        ((self.height() / self.row()).floor() as usize).max(1)
    }
}

/// The rows of a list of `total` to draw: every row the viewport shows, even in part, and
/// `overscan` more on each side (so a short scroll shows rows already drawn).
pub fn rows_in_view(total: usize, view: Viewport, overscan: usize) -> Range<usize> {
    let row = view.row();
    let top = view.top();
    let first = ((top / row).floor() as usize).min(total);
    let last = (((top + view.height()) / row).ceil() as usize).min(total);
    first.saturating_sub(overscan)..last.saturating_add(overscan).min(total)
}

/// The scroll offset that shows row `pos` whole with the least movement (its start, when the
/// viewport is shorter than a row), or `None` when it is already seen whole.
pub fn scroll_to_show(pos: usize, view: Viewport) -> Option<f64> {
    let row = view.row();
    let top = view.top();
    let start = pos as f64 * row;
    let end = start + row;
    if start < top {
        Some(start)
    } else if end > top + view.height() {
        Some((end - view.height()).min(start).max(0.0))
    } else {
        None
    }
}

/// A key that moves the focused row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Move {
    /// The move of a `KeyboardEvent.key`, if it is one.
    pub fn of_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowUp" => Move::Up,
            "ArrowDown" => Move::Down,
            "PageUp" => Move::PageUp,
            "PageDown" => Move::PageDown,
            "Home" => Move::Home,
            "End" => Move::End,
            _ => return None,
        })
    }
}

/// The row the focus goes to from row `from` of a list of `total` showing `page` rows at a time;
/// `None` when the list is empty. A move past either end stops at it.
pub fn moved(from: usize, total: usize, how: Move, page: usize) -> Option<usize> {
    let last = total.checked_sub(1)?;
    let from = from.min(last);
    let page = page.max(1);
    Some(match how {
        Move::Up => from.saturating_sub(1),
        Move::Down => (from + 1).min(last),
        Move::PageUp => from.saturating_sub(page),
        Move::PageDown => from.saturating_add(page).min(last),
        Move::Home => 0,
        Move::End => last,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(scroll_top: f64, height: f64, row_height: f64) -> Viewport {
        Viewport {
            scroll_top,
            height,
            row_height,
        }
    }

    /// (total, scroll_top, height, row height, overscan) → rows drawn
    type Case = (usize, f64, f64, f64, usize, Range<usize>);

    #[test]
    fn the_rows_drawn_for_a_scroll_offset() {
        let cases: &[Case] = &[
            // the top of 5,000 templates in a 520 px box of 52 px rows: 10 rows, 6 below
            (5000, 0.0, 520.0, 52.0, 6, 0..16),
            // scrolled by half a row: row 10 shows in part
            (5000, 26.0, 520.0, 52.0, 6, 0..17),
            // far down: row 4,000 at the top
            (5000, 208_000.0, 520.0, 52.0, 6, 3994..4016),
            // the bottom: the last rows, nothing past the end
            (5000, 259_480.0, 520.0, 52.0, 6, 4984..5000),
            // scrolled past the end (elastic scrolling, a list that just shrank)
            (30, 99_999.0, 400.0, 64.0, 6, 24..30),
            // a list shorter than the box
            (3, 0.0, 600.0, 64.0, 6, 0..3),
            (0, 0.0, 600.0, 64.0, 6, 0..0),
            // a negative offset (elastic scrolling at the top) counts as the top
            (100, -40.0, 128.0, 64.0, 0, 0..2),
            // no overscan: exactly the rows seen
            (100, 64.0, 128.0, 64.0, 0, 1..3),
            (100, 65.0, 128.0, 64.0, 0, 1..4),
            // a box with no height yet: taken as UNMEASURED_ROWS rows
            (5000, 0.0, 0.0, 52.0, 0, 0..UNMEASURED_ROWS),
            (5000, 0.0, f64::NAN, 52.0, 2, 0..UNMEASURED_ROWS + 2),
        ];
        for (total, top, height, row, overscan, want) in cases.iter().cloned() {
            assert_eq!(
                rows_in_view(total, view(top, height, row), overscan),
                want,
                "total {total}, scroll {top}, height {height}, row {row}, overscan {overscan}"
            );
        }
    }

    #[test]
    fn a_broken_row_height_never_divides_by_zero() {
        for row in [0.0, -3.0, f64::NAN, f64::INFINITY] {
            let r = rows_in_view(50, view(10.0, 20.0, row), 1);
            assert!(r.start <= r.end && r.end <= 50, "row {row}: {r:?}");
        }
    }

    #[test]
    fn every_row_seen_is_drawn_at_any_offset() {
        let (total, row, height) = (1234usize, 52.0, 487.0);
        let mut top = 0.0;
        while top < total as f64 * row {
            let r = rows_in_view(total, view(top, height, row), 0);
            let first_seen = (top / row) as usize;
            let last_seen = (((top + height) / row).ceil() as usize).min(total) - 1;
            assert!(r.start <= first_seen && r.end > last_seen, "{top}: {r:?}");
            assert!(
                r.len() <= (height / row).ceil() as usize + 1,
                "{top}: {r:?}"
            );
            top += 17.0;
        }
    }

    #[test]
    fn scrolling_to_show_a_row() {
        // (pos, scroll_top, height, row) → new offset
        let cases: &[(usize, f64, f64, f64, Option<f64>)] = &[
            // already whole in view
            (0, 0.0, 520.0, 52.0, None),
            (9, 0.0, 520.0, 52.0, None),
            // just below: scrolled so it is the last row seen
            (10, 0.0, 520.0, 52.0, Some(52.0)),
            // far below (End): its bottom at the box's bottom
            (4999, 0.0, 520.0, 52.0, Some(259_480.0)),
            // above: its top at the box's top
            (3, 520.0, 520.0, 52.0, Some(156.0)),
            // half hidden at the top
            (10, 540.0, 520.0, 52.0, Some(520.0)),
            // a box shorter than a row shows the row's start
            (5, 0.0, 30.0, 64.0, Some(320.0)),
        ];
        for (pos, top, height, row, want) in cases.iter().cloned() {
            assert_eq!(
                scroll_to_show(pos, view(top, height, row)),
                want,
                "row {pos} from {top}"
            );
        }
    }

    #[test]
    fn keys_move_the_focused_row_and_stop_at_the_ends() {
        use Move::*;
        // (from, total, key, page) → to
        let cases: &[(usize, usize, Move, usize, Option<usize>)] = &[
            (0, 5000, Down, 10, Some(1)),
            (0, 5000, Up, 10, Some(0)),
            (4999, 5000, Down, 10, Some(4999)),
            (5, 5000, PageDown, 10, Some(15)),
            (4995, 5000, PageDown, 10, Some(4999)),
            (5, 5000, PageUp, 10, Some(0)),
            (2500, 5000, Home, 10, Some(0)),
            (2, 5000, End, 10, Some(4999)),
            // a page of zero rows still moves
            (2, 5000, PageDown, 0, Some(3)),
            // the focused row past the end of a list that shrank
            (40, 12, Up, 10, Some(10)),
            (40, 12, Down, 10, Some(11)),
            (0, 0, Down, 10, None),
            (0, 0, End, 10, None),
        ];
        for (from, total, how, page, want) in cases.iter().cloned() {
            assert_eq!(
                moved(from, total, how, page),
                want,
                "{how:?} from {from} of {total}"
            );
        }
    }

    #[test]
    fn the_keys_a_list_takes() {
        let cases = [
            ("ArrowUp", Some(Move::Up)),
            ("ArrowDown", Some(Move::Down)),
            ("PageUp", Some(Move::PageUp)),
            ("PageDown", Some(Move::PageDown)),
            ("Home", Some(Move::Home)),
            ("End", Some(Move::End)),
            ("Enter", None),
            ("ArrowLeft", None),
            ("a", None),
        ];
        for (key, want) in cases {
            assert_eq!(Move::of_key(key), want, "{key}");
        }
    }

    #[test]
    fn a_page_is_the_whole_rows_seen() {
        assert_eq!(view(0.0, 520.0, 52.0).page_rows(), 10);
        assert_eq!(view(0.0, 500.0, 52.0).page_rows(), 9);
        assert_eq!(view(0.0, 20.0, 52.0).page_rows(), 1);
        assert_eq!(view(0.0, 0.0, 52.0).page_rows(), UNMEASURED_ROWS);
    }
}
