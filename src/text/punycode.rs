//! Punycode (RFC 3492): encoding, enough to measure a host label as DNS sees it (twitter-text's
//! 63-character label rule) and to shorten a Bluesky link's host like a browser's `URL` does;
//! decoding, to show a user the name they typed (`écoute.social`, not `xn--coute-9ra.social`).

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn adapt(mut delta: u32, num_points: u32, first: bool) -> u32 {
    delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

/// The digit threshold `t` at position `k` (RFC 3492 §6.1 and §6.2).
fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

fn digit(d: u32) -> char {
    // 0..25 -> a..z, 26..35 -> 0..9
    if d < 26 {
        (b'a' + d as u8) as char
    } else {
        (b'0' + (d - 26) as u8) as char
    }
}

/// Encodes code points (lone surrogates allowed, as in punycode.js) into Punycode, without the
/// `xn--` prefix. `None` on arithmetic overflow (absurdly long input).
pub fn encode(input: &[u32]) -> Option<String> {
    let mut out = String::new();
    for &c in input {
        if c < 0x80 {
            out.push(c as u8 as char);
        }
    }
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let total = input.len() as u32;
    while handled < total {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

/// Decodes a UTF-16 buffer into code points, keeping lone surrogates (punycode.js `ucs2decode`).
pub fn ucs2_decode(buf: &[u16]) -> Vec<u32> {
    let mut out = Vec::with_capacity(buf.len());
    let mut i = 0;
    while i < buf.len() {
        let (cp, len) = super::code_point_at(buf, i);
        out.push(cp);
        i += len;
    }
    out
}

/// The length of punycode.js `toASCII(label)` for one twitter-text domain label: the label is
/// further split on the IDNA dot separators (`.`, `。`, `．`, `｡`), every non-ASCII part becomes
/// `xn--…`, and the parts are joined with `.`. `None` when encoding fails.
pub fn to_ascii_len(label: &[u16]) -> Option<usize> {
    let mut total = 0usize;
    let mut first = true;
    for part in label.split(|&u| matches!(u, 0x2E | 0x3002 | 0xFF0E | 0xFF61)) {
        if !first {
            total += 1;
        }
        first = false;
        if part.iter().all(|&u| u < 0x80) {
            total += part.len();
        } else {
            total += 4 + encode(&ucs2_decode(part))?.len();
        }
    }
    Some(total)
}

/// Decodes Punycode (without the `xn--` prefix) into a string; `None` when it is not valid
/// Punycode or decodes to something that is not a character.
pub fn decode(input: &str) -> Option<String> {
    let (basic, rest) = match input.rfind('-') {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut out: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut digits = rest.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let d = match digits.next()? {
                b @ b'a'..=b'z' => u32::from(b - b'a'),
                b @ b'A'..=b'Z' => u32::from(b - b'A'),
                b @ b'0'..=b'9' => u32::from(b - b'0') + 26,
                _ => return None,
            };
            i = i.checked_add(d.checked_mul(w)?)?;
            let t = threshold(k, bias);
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = out.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        out.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(out.into_iter().collect())
}

/// A host as a person reads it: each `xn--` label decoded (left as is when it does not decode).
pub fn host_to_unicode(host: &str) -> String {
    host.split('.')
        .map(|label| {
            label
                .strip_prefix("xn--")
                .and_then(decode)
                .unwrap_or_else(|| label.to_string())
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// A host label as a browser's `URL` shows it: lower-case, and `xn--…` when not ASCII.
pub fn host_label_to_ascii(label: &str) -> String {
    let lower: String = label.chars().map(super::tld::simple_lower).collect();
    if lower.is_ascii() {
        return lower;
    }
    let cps: Vec<u32> = lower.chars().map(|c| c as u32).collect();
    match encode(&cps) {
        Some(e) => format!("xn--{e}"),
        None => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: &str) -> String {
        encode(&s.chars().map(|c| c as u32).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn rfc_examples() {
        assert_eq!(enc("bücher"), "bcher-kva");
        assert_eq!(enc("münchen"), "mnchen-3ya");
        assert_eq!(enc("☃"), "n3h");
        assert_eq!(enc("みんな"), "q9jyb4c");
        assert_eq!(host_label_to_ascii("Café"), "xn--caf-dma");
    }

    #[test]
    fn decoding_inverts_encoding() {
        for s in [
            "bücher",
            "münchen",
            "☃",
            "みんな",
            "écoute",
            "abc",
            "a-b-é",
            "𝒜😀",
        ] {
            assert_eq!(decode(&enc(s)).as_deref(), Some(s), "{s}");
        }
        assert_eq!(decode("mnchen-3ya").as_deref(), Some("münchen"));
        assert_eq!(decode("é-abc"), None);
        assert_eq!(decode("a-!!"), None);
        assert_eq!(decode("zzzzzzzzzzzzzzz"), None);
        assert_eq!(host_to_unicode("xn--coute-9ra.social"), "écoute.social");
        assert_eq!(host_to_unicode("piaille.fr"), "piaille.fr");
    }
}
