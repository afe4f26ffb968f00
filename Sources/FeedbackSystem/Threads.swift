#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A POSIX thread of its own for blocking work.
///
/// The cooperative pool and libdispatch's global queues have only as many
/// threads as cores, so a blocking exchange, an adapter's session or a lint
/// worker must not run there. This is `pthread_create(3)` directly, not
/// Foundation's `Thread`, which FoundationEssentials does not have.
package struct SystemThread: @unchecked Sendable {
    private let handle: pthread_t

    /// Starts `body` on a new thread, to be joined with ``join()``; `nil`
    /// when no thread can be made (`body` is then not run).
    package static func start(_ body: @escaping @Sendable () -> Void) -> SystemThread? {
        create(body).map(SystemThread.init(handle:))
    }

    /// Starts `body` on a new detached thread: nobody joins it, it ends
    /// when `body` returns. `false` when no thread can be made (`body` is
    /// then not run).
    package static func detach(_ body: @escaping @Sendable () -> Void) -> Bool {
        guard let handle = create(body) else { return false }
        pthread_detach(handle)
        return true
    }

    /// Waits for the thread's body to return.
    package func join() {
        pthread_join(handle, nil)
    }

    private static func create(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    /// The closure, boxed to cross `pthread_create`'s `void *`.
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

/// A lock with a condition to wait on: for state that threads wait to
/// change. Where nobody waits, use `Mutex` (Synchronization) instead.
///
/// ```swift
/// let condition = ConditionLock()
/// condition.withLock { ready = true; condition.broadcast() }
/// condition.withLock { while !ready { condition.wait() } }
/// ```
package final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// A new, unlocked lock.
    package init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// `body`'s result, run with the lock held.
    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Releases the lock until ``broadcast()`` (or a spurious wake-up),
    /// then takes it again: call with the lock held, in a loop that checks
    /// what it waits for.
    package func wait() {
        pthread_cond_wait(condition, mutex)
    }

    /// Wakes every thread in ``wait()``: call with the lock held.
    package func broadcast() {
        pthread_cond_broadcast(condition)
    }
}
