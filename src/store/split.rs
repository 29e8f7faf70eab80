//! Reading a large file on several cores: the cohorts, nine tenths of a network's file, are
//! checked as UTF-8 and read in parts side by side, and the rest of the document on its own.
//!
//! It relies only on the layout Cercle writes (`to_json`: two spaces per level), in which a line
//! holding nothing but `    },` can only end one cohort and begin the next, since a JSON string
//! cannot hold a raw line break. Anything else (a hand-formatted file, an error anywhere) makes
//! it step aside: the caller then reads the file in one piece, which also reports errors with
//! their line and column.

use crate::domain::{Cohort, Data, Shared};
use serde_json::Deserializer;

/// Files smaller than this are read in one piece: threads would cost more than they save.
const WORTH_IT: usize = 8 << 20;
/// Where the cohorts array starts in Cercle's layout.
const COHORTS: &[u8] = b"\n  \"cohorts\": [\n";
/// Where a top-level array ends.
const END: &[u8] = b"\n  ]";
/// A line naming a top-level field.
const KEY: &[u8] = b"\n  \"";
/// Between two cohorts.
const BETWEEN: &[u8] = b"\n    },\n    {";

/// The document read in parts, or `None` when it is not laid out as Cercle writes it, is small,
/// or does not read (the caller reads it whole to say why).
pub(crate) fn read(bytes: &[u8]) -> Option<Data> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if bytes.len() < WORTH_IT || threads < 2 {
        return None;
    }
    let open = find(bytes, COHORTS)? + COHORTS.len() - 2; // the `[`
    // The cohorts end where the next top-level field begins: looked for from the end, since
    // searching forwards would read through all of them once more.
    let mut after = bytes.len();
    while let Some(at) = rfind(&bytes[..after], KEY).filter(|&at| at > open) {
        after = at;
    }
    let close = rfind(&bytes[..after], END)? + END.len() - 1; // its `]`
    if close <= open {
        return None;
    }
    // This thread also reads the rest of the document: its share of cohorts is that much less.
    let rest = bytes.len() - (close - open);
    let parts = parts(bytes, open + 1, close, threads, rest);
    // The rest of the document, with no cohorts: a few megabytes.
    let mut head = Vec::with_capacity(rest + 2);
    head.extend_from_slice(&bytes[..open]);
    head.extend_from_slice(b"[]");
    head.extend_from_slice(&bytes[close + 1..]);
    let (head, cohorts) = std::thread::scope(|scope| {
        let last = parts.len() - 1;
        let spawned: Vec<_> = parts[1..]
            .iter()
            .enumerate()
            .map(|(i, &part)| {
                std::thread::Builder::new().spawn_scoped(scope, move || {
                    crate::domain::ids::interning(|| cohorts(part, i + 1 == last))
                })
            })
            .collect();
        // Read, then let go at once: the copy is not kept while the cohorts are read.
        let head = {
            let copy = head;
            std::str::from_utf8(&copy)
                .ok()
                .and_then(|text| serde_json::from_str::<Data>(text).ok())
        };
        let mut all = cohorts(parts[0], last == 0);
        for (i, (handle, &part)) in spawned.into_iter().zip(&parts[1..]).enumerate() {
            let more = match handle {
                Ok(handle) => handle.join().ok().flatten(),
                // A thread that could not start: its part is read here.
                Err(_) => cohorts(part, i + 1 == last),
            };
            match (&mut all, more) {
                (Some(all), Some(more)) => all.extend(more),
                _ => all = None,
            }
        }
        (head, all)
    });
    let mut data = head?;
    data.cohorts = cohorts?.into();
    Some(data)
}

/// Splits the array's inside (`from..to`) into about `n` runs of whole cohorts, of even work
/// once `first` bytes more are counted to the first run.
fn parts(bytes: &[u8], from: usize, to: usize, n: usize, first: usize) -> Vec<&[u8]> {
    let mut cuts = vec![from];
    for i in 1..n {
        let target = (from + (to - from + first) * i / n).saturating_sub(first);
        let last = *cuts.last().unwrap_or(&from);
        if target <= last {
            continue;
        }
        // The cut falls on the `{` that begins a cohort; the comma before stays behind.
        if let Some(at) = find(&bytes[target..to], BETWEEN) {
            cuts.push(target + at + BETWEEN.len() - 1);
        }
    }
    cuts.push(to);
    cuts.windows(2).map(|w| &bytes[w[0]..w[1]]).collect()
}

/// Checks and reads a run of cohorts separated by commas; `None` if anything is off, exactly
/// where the plain reader would refuse the whole array. Every part but the `last` ends with the
/// comma before the next part's first cohort; the last one ends without a comma.
fn cohorts(part: &[u8], last: bool) -> Option<Vec<Shared<Cohort>>> {
    let mut rest = json_trim(std::str::from_utf8(part).ok()?);
    let mut out = Vec::new();
    if rest.is_empty() {
        // An empty array, read as one part.
        return last.then_some(out);
    }
    loop {
        let mut stream = Deserializer::from_str(rest).into_iter::<Cohort>();
        out.push(stream.next()?.ok()?.into());
        rest = json_trim(&rest[stream.byte_offset()..]);
        match rest.strip_prefix(',') {
            Some(after) => {
                rest = json_trim(after);
                if rest.is_empty() {
                    // A comma after the array's last cohort is not JSON.
                    return (!last).then_some(out);
                }
            }
            None if rest.is_empty() => return last.then_some(out),
            None => return None,
        }
    }
}

/// `text` without the whitespace JSON allows at its start: space, tab, line feed, carriage
/// return, and nothing else (`str::trim_start` would also take a form feed or a no-break space,
/// which the plain reader refuses).
fn json_trim(text: &str) -> &str {
    text.trim_start_matches([' ', '\t', '\n', '\r'])
}

/// Where `needle` first occurs in `hay`: line starts are found first, as every pattern here
/// begins a line.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = hay[from..].iter().position(|&b| b == needle[0]) {
        let at = from + at;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where `needle` last occurs in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut to = hay.len();
    while let Some(at) = hay[..to].iter().rposition(|&b| b == needle[0]) {
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        to = at;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Cohort, CohortId, Data};

    /// A network of the sample's cohorts copied until the file is worth reading in parts, each
    /// copy with its own id: built here, without the generator, which sits on a floor above.
    fn network() -> Data {
        let mut data = crate::sample::sample();
        let cohorts: Vec<Cohort> = data.cohorts.iter().map(|c| (**c).clone()).collect();
        for n in 0..90 {
            for cohort in &cohorts {
                let mut copy = cohort.clone();
                copy.id = CohortId::new(format!("{}-{n}", cohort.id));
                data.cohorts.push(copy.into());
            }
        }
        data
    }

    #[test]
    fn a_network_read_in_parts_is_the_network() {
        let data = network();
        let json = crate::store::to_json(&data).unwrap();
        assert!(
            json.len() >= WORTH_IT,
            "{} bytes: too small to split",
            json.len()
        );
        let split = read(&json).expect("read in parts");
        assert_eq!(split, data);
        // Another array after the cohorts (conflicts waiting for a choice, say).
        let mut more = json[..json.len() - 3].to_vec();
        more.extend_from_slice(b",\n  \"later\": [\n    1\n  ]\n}\n");
        assert_eq!(read(&more).expect("read in parts"), data);
        for n in 1..6 {
            let open = find(&json, COHORTS).unwrap() + COHORTS.len() - 1;
            let close = rfind(&json, END).unwrap() + END.len() - 1;
            let parts = parts(&json, open, close, n, 1000);
            let last = parts.len() - 1;
            let all: Vec<_> = parts
                .into_iter()
                .enumerate()
                .flat_map(|(i, part)| cohorts(part, i == last).unwrap())
                .collect();
            assert_eq!(all.len(), data.cohorts.len(), "{n} parts");
        }
    }

    #[test]
    fn anything_unusual_steps_aside() {
        let data = network();
        let json = String::from_utf8(crate::store::to_json(&data).unwrap()).unwrap();
        // A broken cohort, bytes that are not UTF-8, a file laid out otherwise, a small file.
        let broken = json.replacen("\"price_eur\": 3500", "\"price_eur\": \"x\"", 1);
        assert!(read(broken.as_bytes()).is_none());
        let mut bad = json.clone().into_bytes();
        let last = bad.len() - 200;
        bad[last] = 0xff;
        assert!(read(&bad).is_none());
        let compact = serde_json::to_vec(&data).unwrap();
        assert!(read(&compact).is_none());
        assert!(read(b"{}").is_none());
        assert_eq!(find(b"ab\ncd\nce", b"\nc"), Some(2));
        assert_eq!(rfind(b"ab\ncd\nce", b"\nc"), Some(5));
        assert_eq!((find(b"abc", b"\nx"), rfind(b"abc", b"\nx")), (None, None));
    }
}
