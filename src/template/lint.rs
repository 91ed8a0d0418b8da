//! Lint of a library: every text of every template parses, and fits each of the template's
//! networks when rendered with a long sample context (a long name, link and page title, long
//! field values, the longest date). Problems are data (codes and places), for the command line
//! and the library page alike.
