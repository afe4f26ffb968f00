#if canImport(Glibc)
import Glibc
import Synchronization

/// A host name's addresses, looked up within a deadline.
///
/// `getaddrinfo(3)` cannot be cancelled or given a timeout, and a resolver
/// that does not answer holds it for as long as its own retries last (30 s
/// and more). A numeric address is read at once; a name is looked up on a
/// thread of its own, which the caller stops waiting for at the deadline or
/// on cancellation (the thread then ends on its own, freeing what it got).
struct AddressLookup {
    /// One address to connect to, copied out of the C library's list.
    struct Address {
        var family: Int32
        var type: Int32
        var `protocol`: Int32
        /// The `sockaddr` bytes.
        var bytes: [UInt8]
        var length: socklen_t { socklen_t(bytes.count) }
    }

    /// The addresses, in the order the resolver gave them.
    let entries: [Address]

    /// Looks `host` up for a TCP connection to `port`.
    /// - Throws: `.unresolved` when the name has no address, `failure` at
    ///   `deadline`, `.cancelled` once `cancelled()` is true.
    static func addresses(of host: String, port: Int, until deadline: ContinuousClock.Instant, else failure: TransportFailure,
                          cancelled: @escaping @Sendable () -> Bool) throws(TransportFailure) -> AddressLookup {
        if let numeric = lookUp(host, port: port, numericOnly: true) { return numeric }
        let pending = Pending(host: host, port: port)
        guard pending.start() else { throw .other(Int(EAGAIN)) }
        while true {
            if let done = pending.take() {
                guard let found = done else { throw .unresolved }
                return found
            }
            if cancelled() { throw .cancelled }
            guard let milliseconds = deadline.pollTimeout(cap: 10) else { throw failure }
            usleep(UInt32(milliseconds) * 1000)
        }
    }

    /// `getaddrinfo` for `host`; `nil` when it has no address (or, with
    /// `numericOnly`, is not a numeric address).
    fileprivate static func lookUp(_ host: String, port: Int, numericOnly: Bool) -> AddressLookup? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        if numericOnly { hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV }
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var entries: [Address] = []
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            next = info.pointee.ai_next
            guard let address = info.pointee.ai_addr else { continue }
            let bytes = Array(UnsafeRawBufferPointer(start: address, count: Int(info.pointee.ai_addrlen)))
            entries.append(Address(family: info.pointee.ai_family, type: info.pointee.ai_socktype,
                                   protocol: info.pointee.ai_protocol, bytes: bytes))
        }
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
        DetachedThread.start { [self] in finish(AddressLookup.lookUp(host, port: port, numericOnly: false)) }
    }

    private func finish(_ found: AddressLookup?) {
        result.withLock { $0 = .some(found) }
    }

    /// The result once the lookup is done: `.some(nil)` for no address.
    func take() -> AddressLookup?? {
        result.withLock { $0 }
    }
}
#endif
