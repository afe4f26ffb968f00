import FeedbackSystem
import Synchronization

/// A host name's addresses, looked up within a deadline.
///
/// `getaddrinfo(3)` cannot be cancelled or given a timeout, and a resolver
/// that does not answer holds it for as long as its own retries last (30 s
/// and more). A numeric address is read at once; a name is looked up on a
/// thread of its own, which the caller stops waiting for at the deadline or
/// on cancellation (the thread then ends on its own, freeing what it got).
struct AddressLookup {
    /// The addresses, in the order the resolver gave them.
    let entries: [SocketAddress]

    /// Looks `host` up for a TCP connection to `port`.
    /// - Throws: `.unresolved` when the name has no address, `failure` at
    ///   `deadline`, `.cancelled` once `cancelled()` is true.
    static func addresses(of host: String, port: Int, until deadline: ContinuousClock.Instant, else failure: TransportFailure,
                          cancelled: @escaping @Sendable () -> Bool) throws(TransportFailure) -> AddressLookup {
        if let numeric = lookUp(host, port: port, numericOnly: true) { return numeric }
        let pending = Pending(host: host, port: port)
        guard pending.start() else { throw .other(Int(SystemError.tryAgain.code)) }
        while true {
            if let done = pending.take() {
                guard let found = done else { throw .unresolved }
                return found
            }
            if cancelled() { throw .cancelled }
            guard let milliseconds = deadline.pollTimeout(cap: 10) else { throw failure }
            System.sleep(milliseconds: Int(milliseconds))
        }
    }

    /// `getaddrinfo` for `host`; `nil` when it has no address (or, with
    /// `numericOnly`, is not a numeric address).
    fileprivate static func lookUp(_ host: String, port: Int, numericOnly: Bool) -> AddressLookup? {
        let entries = System.addresses(of: host, port: port, numericOnly: numericOnly)
        return entries.isEmpty ? nil : AddressLookup(entries: entries)
    }
}

/// A lookup running on its own thread; whoever finishes last, the thread or
/// the waiter, is the only one left holding it (and frees it and its result).
private final class Pending: @unchecked Sendable {
    let host: String
    let port: Int
    private let result = Mutex<AddressLookup??>(nil)  // nil: still running; .some(nil): no address

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Starts the lookup's thread (detached); `false` when no thread can be made.
    func start() -> Bool {
        SystemThread.detach { [self] in finish(AddressLookup.lookUp(host, port: port, numericOnly: false)) }
    }

    private func finish(_ found: AddressLookup?) {
        result.withLock { $0 = .some(found) }
    }

    /// The result once the lookup is done: `.some(nil)` for no address.
    func take() -> AddressLookup?? {
        result.withLock { $0 }
    }
}
