//! Reading the instants of marks and signatures fast: a network holds half a million of them,
//! always written by Cercle as `2026-01-21T08:05:00Z`, and chrono's general RFC 3339 reader was
//! a tenth of the loading time. Anything else goes to chrono, so what is accepted is unchanged.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Deserializer;
use serde::de::{self, Visitor};
use std::fmt;

/// Reads an instant as chrono's own `Deserialize` for `DateTime<Utc>` does.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    fast(text.as_bytes()).or_else(|| {
        // chrono reads forms the schema's "date-time" does not (a space for the `T`).
        super::screen::doubt();
        text.parse::<DateTime<FixedOffset>>()
            .ok()
            .map(|d| d.with_timezone(&Utc))
    })
}

/// `YYYY-MM-DDTHH:MM:SSZ` exactly, or `None`.
fn fast(b: &[u8]) -> Option<DateTime<Utc>> {
    let [
        y0,
        y1,
        y2,
        y3,
        b'-',
        mo0,
        mo1,
        b'-',
        d0,
        d1,
        b'T',
        h0,
        h1,
        b':',
        mi0,
        mi1,
        b':',
        s0,
        s1,
        b'Z',
    ] = *b
    else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let two = |a, b| Some(digit(a)? * 10 + digit(b)?);
    let year = two(y0, y1)? * 100 + two(y2, y3)?;
    // Seconds above 59 (a leap second) are left to chrono.
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, two(mo0, mo1)?, two(d0, d1)?)?
        .and_hms_opt(two(h0, h1)?, two(mi0, mi1)?, two(s0, s1)?)
        .map(|t| t.and_utc())
}

struct Instant;

impl Visitor<'_> for Instant {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date and time")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse(text).ok_or_else(|| E::custom(format!("not an RFC 3339 date and time: {text:?}")))
    }
}

/// For `#[serde(deserialize_with)]` on a `DateTime<Utc>`.
pub fn utc<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    deserializer.deserialize_str(Instant)
}

/// For `#[serde(deserialize_with)]` on an `Option<DateTime<Utc>>` (with `default`).
pub fn option_utc<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    struct Maybe;
    impl<'de> Visitor<'de> for Maybe {
        type Value = Option<DateTime<Utc>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an RFC 3339 date and time, or null")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            utc(d).map(Some)
        }
    }
    deserializer.deserialize_option(Maybe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_chrono_reads_and_nothing_more() {
        for text in [
            "2026-01-21T08:05:00Z",
            "1999-12-31T23:59:59Z",
            "2024-02-29T00:00:00Z",
            "2026-01-21T09:05:00+01:00",
            "2026-01-21t08:05:00z",
            "2026-01-21T08:05:00.250Z",
            "2016-12-31T23:59:60Z",
            "2025-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-21T24:00:00Z",
            "2026-01-21 08:05:00Z",
            "2026-1-21T08:05:00Z",
            "",
            "garbage",
        ] {
            let chrono = text
                .parse::<DateTime<FixedOffset>>()
                .ok()
                .map(|d| d.with_timezone(&Utc));
            assert_eq!(parse(text), chrono, "{text}");
        }
        assert!(
            fast(b"2026-01-21T08:05:00Z").is_some(),
            "the usual form is the fast one"
        );
    }
}
