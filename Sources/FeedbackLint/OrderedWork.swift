import FeedbackSystem

/// Jobs done by a few threads of their own, their results taken back in
/// the order the jobs were given: the parallel half of `lint --jobs N`.
///
/// Plain POSIX threads (``SystemThread``), not Swift concurrency or Dispatch: the caller
/// blocks while it waits for a result, which must not starve a shared pool.
/// Each thread builds its own worker state once (`makeWorker`). Call
/// ``close()`` before letting go of the queue.
final class OrderedWork<Job, Result>: @unchecked Sendable {
    /// Guards the state below; waited on for a job or a result.
    private let changed = ConditionLock()
    private var pending: [(sequence: Int, job: Job)] = []
    private var nextPending = 0
    private var done: [Int: Result] = [:]
    private var closing = false
    private var threads: [SystemThread] = []
    private var submitted = 0

    /// Starts `count` threads, each doing jobs with the function
    /// `makeWorker` returns on that thread.
    init(threads count: Int, makeWorker: @escaping @Sendable () -> (Job) -> Result) {
        for _ in 0..<count {
            if let thread = SystemThread.start({ [unowned(unsafe) self] in self.work(makeWorker()) }) { threads.append(thread) }
        }
    }

    /// How many threads started (0: do the jobs yourself).
    var threadCount: Int { threads.count }

    /// Queues `job`; its result is the next sequence number's.
    func submit(_ job: Job) {
        changed.withLock {
            pending.append((submitted, job))
            submitted += 1
            changed.broadcast()
        }
    }

    /// The result of the job submitted `sequence`-th (from 0), waiting for it.
    func result(_ sequence: Int) -> Result {
        changed.withLock {
            while true {
                if let result = done.removeValue(forKey: sequence) { return result }
                changed.wait()
            }
        }
    }

    /// Lets the threads end once the queue is empty, and waits for them.
    func close() {
        changed.withLock {
            closing = true
            changed.broadcast()
        }
        for thread in threads { thread.join() }
        threads = []
    }

    /// ``close()`` must have been called: the threads refer to the queue.
    deinit {
        precondition(threads.isEmpty, "OrderedWork released before close()")
    }

    private func work(_ worker: (Job) -> Result) {
        while true {
            let next: (sequence: Int, job: Job)? = changed.withLock {
                while nextPending == pending.count && !closing { changed.wait() }
                guard nextPending < pending.count else { return nil }
                let next = pending[nextPending]
                nextPending += 1
                if nextPending == pending.count {
                    pending.removeAll(keepingCapacity: true)
                    nextPending = 0
                }
                return next
            }
            guard let (sequence, job) = next else { return }
            let result = worker(job)
            changed.withLock {
                done[sequence] = result
                changed.broadcast()
            }
        }
    }
}
