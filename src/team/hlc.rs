//! A hybrid logical clock: wall-clock milliseconds, plus a counter when two readings
//! fall in the same millisecond or the wall clock is behind a reading already seen.
//! Readings are text that sorts in time order: `MMMMMMMMMMMMM.CCCCCC`.

/// The reading after `last`, at wall-clock time `now_ms`.
pub(crate) fn tick(last: &str, now_ms: i64) -> String {
    let (ms, n) = parse(last);
    if now_ms > ms {
        format(now_ms, 0)
    } else {
        format(ms, n + 1)
    }
}

/// The later of two readings: after receiving `seen`, every new reading is later still.
pub(crate) fn merge(last: &str, seen: &str) -> String {
    if parse(seen) > parse(last) {
        let (ms, n) = parse(seen);
        format(ms, n)
    } else {
        last.to_string()
    }
}

fn parse(s: &str) -> (i64, i64) {
    let (ms, n) = s.split_once('.').unwrap_or((s, "0"));
    (ms.parse().unwrap_or(0), n.parse().unwrap_or(0))
}

fn format(ms: i64, n: i64) -> String {
    format!("{ms:013}.{n:06}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_only_move_forward_and_sort_as_text() {
        let a = tick("", 1_700_000_000_000);
        let b = tick(&a, 1_700_000_000_000);
        let c = tick(&b, 1_600_000_000_000); // the wall clock went back
        let d = tick(&c, 1_700_000_000_005);
        assert!(a < b && b < c && c < d, "{a} {b} {c} {d}");
        assert_eq!(b, "1700000000000.000001");
        let seen = merge(&d, "1800000000000.000003");
        assert!(tick(&seen, 1_700_000_000_010).as_str() > "1800000000000.000003");
        assert_eq!(merge("1800000000000.000003", "1700000000000.000000"), "1800000000000.000003");
    }
}
