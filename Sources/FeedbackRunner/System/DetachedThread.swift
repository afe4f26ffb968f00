#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own for blocking work (bounded by its own deadline),
/// started detached: nobody joins it, it ends when its body returns.
///
/// The cooperative pool and libdispatch's global queues have only as many
/// threads as cores, so a blocking exchange or an adapter's session must
/// not run there. This is `pthread_create(3)` directly, not Foundation's
/// `Thread`, which FoundationEssentials does not have.
enum DetachedThread {
    /// Starts `body` on a new detached thread; `false` when no thread can
    /// be made (`body` is then not run).
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return false
        }
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        pthread_detach(thread!)
        #endif
        return true
    }

    /// The closure, boxed to cross `pthread_create`'s `void *`.
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
