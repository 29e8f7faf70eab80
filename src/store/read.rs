//! Reading the data file's bytes, a large one on two cores: most of the time of reading 150 MB is
//! the kernel handing over fresh memory page by page, which two threads do side by side.

use std::fs::File;
use std::io::{self, Read, Seek};
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicU64, Ordering};

/// Files smaller than this are read by one thread.
const WORTH_IT: u64 = 8 << 20;
/// How much is read between two reports of progress.
const STEP: usize = 1 << 20;

/// Reads all of `file`, whose size was `total` when opened, telling `progress` the bytes read
/// so far. A file that grew since is read to its new end; one that shrank fails.
pub(crate) fn read_all(
    file: &mut File,
    total: u64,
    progress: &mut dyn FnMut(u64),
) -> io::Result<Vec<u8>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let Ok(len) = usize::try_from(total) else {
        return Err(io::Error::new(io::ErrorKind::OutOfMemory, "too large"));
    };
    let mut bytes = if total >= WORTH_IT && threads >= 2 {
        halves(file, len, progress)?
    } else {
        Vec::with_capacity(len.saturating_add(1))
    };
    // From where the halves stopped (or from the start) to the end, a megabyte at a time.
    let mut at = bytes.len() as u64;
    loop {
        let n = (&mut *file).take(STEP as u64).read_to_end(&mut bytes)?;
        if n == 0 {
            return Ok(bytes);
        }
        at += n as u64;
        progress(at);
    }
}

/// The first `len` bytes, each half read by its own thread into its half of one buffer.
fn halves(file: &mut File, len: usize, progress: &mut dyn FnMut(u64)) -> io::Result<Vec<u8>> {
    // Zeroed by the kernel as it hands the pages over: no pass over the memory before reading.
    let mut bytes = vec![0; len];
    let done = AtomicU64::new(0);
    let half = len / 2;
    let file_ref: &File = file;
    let both = std::thread::scope(|scope| -> io::Result<bool> {
        let (first, second) = bytes.split_at_mut(half);
        let other = std::thread::Builder::new().spawn_scoped(scope, || {
            fill(file_ref, second, half as u64, &done, &mut |_| {})
        });
        fill(file_ref, first, 0, &done, progress)?;
        match other {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("a reading thread failed")))
                .map(|()| true),
            Err(_) => Ok(false),
        }
    })?;
    if !both {
        // No second thread could start: this one reads the second half too.
        fill(file_ref, &mut bytes[half..], half as u64, &done, progress)?;
    }
    // Reading then goes on from the end of the halves.
    file.seek(io::SeekFrom::Start(len as u64))?;
    Ok(bytes)
}

/// Fills `part` from `offset` on, adding to `done` and reporting it as it goes.
fn fill(
    file: &File,
    part: &mut [u8],
    offset: u64,
    done: &AtomicU64,
    progress: &mut dyn FnMut(u64),
) -> io::Result<()> {
    let mut at = offset;
    for chunk in part.chunks_mut(STEP) {
        file.read_exact_at(chunk, at)?;
        at += chunk.len() as u64;
        let so_far = done.fetch_add(chunk.len() as u64, Ordering::Relaxed) + chunk.len() as u64;
        progress(so_far);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_every_byte_in_order_large_or_small_and_to_a_grown_end() {
        let tmp = tempfile::tempdir().unwrap();
        let large = usize::try_from(WORTH_IT).unwrap() + 12_345;
        for len in [0, 10, large] {
            let path = tmp.path().join(format!("f{len}"));
            let content: Vec<u8> = (0..len).map(|i| u8::try_from(i % 251).unwrap()).collect();
            std::fs::write(&path, &content).unwrap();
            let mut file = File::open(&path).unwrap();
            let mut seen = Vec::new();
            let bytes = read_all(&mut file, len as u64, &mut |n| seen.push(n)).unwrap();
            assert!(bytes == content, "{len} bytes read back");
            assert!(seen.windows(2).all(|w| w[0] <= w[1]), "progress only grows");
            // Told a smaller size (the file grew after it was measured): the rest is read too.
            let mut file = File::open(&path).unwrap();
            let told = len.saturating_sub(100) as u64;
            let grown = read_all(&mut file, told, &mut |_| {}).unwrap();
            assert!(grown == content, "{len} bytes, grown");
        }
        // A file shorter than said (it shrank) is an error, never a silent half.
        let path = tmp.path().join("short");
        let mut f = File::create(&path).unwrap();
        f.write_all(&[1; 100]).unwrap();
        let mut file = File::open(&path).unwrap();
        assert!(read_all(&mut file, WORTH_IT + 100, &mut |_| {}).is_err());
    }
}
