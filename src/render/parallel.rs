//! Work split into numbered jobs, done on worker threads, and handed back in order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::error::{Error, Result};

/// How many threads a picture uses: the machine's cores, at most four.
pub(super) fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(4)
}

/// Runs `job(0..n)` on worker threads and hands each result to `sink` on this thread in
/// job order, as soon as it and all before it are done: the sink's work overlaps the
/// jobs'. Workers take the next job from a shared counter; a job that panics fails with
/// `failed`; a job's or the sink's error stops the rest.
pub(super) fn in_order<T: Send>(
    n: usize,
    failed: &str,
    job: impl Fn(usize) -> Result<T> + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    if n == 1 {
        return sink(job(0)?);
    }
    let next = AtomicUsize::new(0);
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..n).map(|_| mpsc::sync_channel::<Result<T>>(1)).unzip();
    std::thread::scope(|scope| {
        for _ in 0..workers().min(n) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(sender) = senders.get(i) else { break };
                // A panic stays in this job (a scope would re-raise it).
                let result =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(i))).unwrap_or_else(|_| Err(Error::internal(failed)));
                // A closed channel means the sink gave up: stop.
                if sender.send(result).is_err() {
                    break;
                }
            });
        }
        // Owned here, so an early return closes the channels.
        let receivers = receivers;
        for receiver in &receivers {
            sink(receiver.recv().map_err(|_| Error::internal(failed))??)?;
        }
        Ok(())
    })
}
