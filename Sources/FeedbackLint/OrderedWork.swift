#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Jobs done by a few threads of their own, their results taken back in
/// the order the jobs were given: the parallel half of `lint --jobs N`.
///
/// Plain POSIX threads, not Swift concurrency or Dispatch: the caller
/// blocks while it waits for a result, which must not starve a shared pool.
/// Each thread builds its own worker state once (`makeWorker`). Call
/// ``close()`` before letting go of the queue.
final class OrderedWork<Job, Result>: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var pending: [(sequence: Int, job: Job)] = []
    private var nextPending = 0
    private var done: [Int: Result] = [:]
    private var closing = false
    private var threads: [pthread_t] = []
    private var submitted = 0

    /// Starts `count` threads, each doing jobs with the function
    /// `makeWorker` returns on that thread.
    init(threads count: Int, makeWorker: @escaping @Sendable () -> (Job) -> Result) {
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
        for _ in 0..<count {
            let start = Unmanaged.passRetained(ThreadStart { [unowned(unsafe) self] in self.work(makeWorker()) })
            #if canImport(Glibc)
            var thread = pthread_t()
            #else
            var thread: pthread_t?
            #endif
            let created = pthread_create(&thread, nil, { argument in
                Unmanaged<ThreadStart>.fromOpaque(argument!).takeRetainedValue().body()
                return nil
            }, start.toOpaque())
            guard created == 0 else {
                start.release()
                continue
            }
            #if canImport(Glibc)
            threads.append(thread)
            #else
            threads.append(thread!)
            #endif
        }
    }

    /// How many threads started (0: do the jobs yourself).
    var threadCount: Int { threads.count }

    /// Queues `job`; its result is the next sequence number's.
    func submit(_ job: Job) {
        pthread_mutex_lock(lock)
        pending.append((submitted, job))
        submitted += 1
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    /// The result of the job submitted `sequence`-th (from 0), waiting for it.
    func result(_ sequence: Int) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while true {
            if let result = done.removeValue(forKey: sequence) { return result }
            pthread_cond_wait(changed, lock)
        }
    }

    /// Lets the threads end once the queue is empty, and waits for them.
    func close() {
        pthread_mutex_lock(lock)
        closing = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    /// ``close()`` must have been called: the threads refer to the queue.
    deinit {
        precondition(threads.isEmpty, "OrderedWork released before close()")
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        lock.deallocate()
    }

    private func work(_ worker: (Job) -> Result) {
        while true {
            pthread_mutex_lock(lock)
            while nextPending == pending.count && !closing { pthread_cond_wait(changed, lock) }
            guard nextPending < pending.count else {
                pthread_mutex_unlock(lock)
                return
            }
            let (sequence, job) = pending[nextPending]
            nextPending += 1
            if nextPending == pending.count {
                pending.removeAll(keepingCapacity: true)
                nextPending = 0
            }
            pthread_mutex_unlock(lock)
            let result = worker(job)
            pthread_mutex_lock(lock)
            done[sequence] = result
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(lock)
        }
    }
}

/// What a new thread runs.
private final class ThreadStart {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
