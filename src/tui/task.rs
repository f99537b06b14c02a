//! Work on a thread of its own whose one result is taken when it is ready:
//! the layout of a long brief, the finder's index. Dropping the task tells
//! the work to give up; the work looks at that flag when it can.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// What became of a task's result.
pub enum Poll<T> {
    Ready(T),
    Pending,
    /// The work ended (or gave up) without a result.
    Failed,
}

#[derive(Debug)]
pub struct Task<T> {
    rx: Receiver<T>,
    cancel: Arc<AtomicBool>,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread named `name`. The work is given the flag
    /// that says it should give up, and returns `None` if it did. `None`
    /// when no thread could be started.
    pub fn spawn(
        name: &str,
        work: impl FnOnce(&AtomicBool) -> Option<T> + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                if let Some(v) = work(&stop)
                    && !stop.load(Ordering::Relaxed)
                {
                    let _ = tx.send(v);
                    // The event loop may be asleep: the result is news.
                    super::wake::wake();
                }
            })
            .ok()?;
        Some(Self { rx, cancel })
    }

    /// A task whose result is whatever the test sends, when it sends it.
    #[cfg(test)]
    pub fn by_hand() -> (Self, mpsc::Sender<T>) {
        let (tx, rx) = mpsc::channel();
        let task = Self {
            rx,
            cancel: Arc::new(AtomicBool::new(false)),
        };
        (task, tx)
    }

    /// The result if it is ready (or, with `wait`, once it is).
    pub fn poll(&self, wait: bool) -> Poll<T> {
        if wait {
            return self.rx.recv().map_or(Poll::Failed, Poll::Ready);
        }
        match self.rx.try_recv() {
            Ok(v) => Poll::Ready(v),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => Poll::Failed,
        }
    }
}

impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn a_result_is_taken_once_it_is_ready() {
        let task = Task::spawn("t", |_| Some(42)).expect("thread");
        assert!(matches!(task.poll(true), Poll::Ready(42)));
        assert!(matches!(task.poll(true), Poll::Failed), "taken already");
    }

    #[test]
    fn dropping_a_task_tells_its_work_to_give_up() {
        let (gave_up, seen) = mpsc::channel();
        let task = Task::<()>::spawn("t", move |stop| {
            let deadline = Instant::now() + Duration::from_secs(10);
            while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(1));
            }
            let _ = gave_up.send(stop.load(Ordering::Relaxed));
            None
        })
        .expect("thread");
        assert!(matches!(task.poll(false), Poll::Pending));
        drop(task);
        assert_eq!(seen.recv_timeout(Duration::from_secs(10)), Ok(true));
    }
}
