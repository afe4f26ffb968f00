import FeedbackSystem

/// Where a run's results go: the format's header, the results in order,
/// its footer. Once a write fails, nothing more is written and the run
/// stops. JUnit's test cases wait in a spool (a temporary file), since its
/// header holds the counts.
final class LintOutput {
    private let write: (UnsafeRawBufferPointer) -> Bool
    private let format: LintFormat
    private var spool: Spool?
    /// SARIF results each start with a comma, which the first one drops.
    private var awaitsFirstResult = true
    /// Whether a write failed.
    private(set) var failed = false

    /// Results go through `write`; JUnit's are spooled first, to the file
    /// whose descriptor `spoolFile` opens for reading and writing (an
    /// unlinked temporary one; in memory when it opens none).
    init(format: LintFormat, spoolFile: () -> Int32? = { try? System.anonymousFile() },
         write: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.format = format
        self.write = write
        if format == .junit { spool = Spool(file: spoolFile()) }
    }

    /// Writes results, unless a write failed before: `false` once one has.
    @discardableResult
    func emit(_ results: ResultBuffer) -> Bool {
        let bytes = results.bytes
        guard !bytes.isEmpty else { return !failed }
        if let spool, !failed {
            if !spool.append(bytes) { failed = true }
            return !failed
        }
        if format == .sarif && awaitsFirstResult {
            awaitsFirstResult = false
            return raw(UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
        }
        return raw(bytes)
    }

    /// Writes what comes before the results (JUnit's waits for ``finish(header:footer:)``).
    func begin(_ header: [UInt8]) {
        if spool == nil { _ = header.withUnsafeBytes { raw($0) } }
    }

    /// Writes what comes after the results; for JUnit, the header and the
    /// spooled results first.
    func finish(header: [UInt8], footer: [UInt8]) {
        if let spool {
            self.spool = nil
            _ = header.withUnsafeBytes { raw($0) }
            if !spool.drain({ raw($0) }) { failed = true }
        }
        _ = footer.withUnsafeBytes { raw($0) }
    }

    @discardableResult
    private func raw(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !failed else { return false }
        if !bytes.isEmpty && !write(bytes) { failed = true }
        return !failed
    }
}

/// Bytes kept aside until the end of a run: in a file (an unlinked
/// temporary one), or in memory when there is none. Every write and read
/// of the file is checked: a spool that lost bytes fails the run's output.
private final class Spool {
    private let file: Int32?
    private var memory: [UInt8] = []
    /// Bytes not yet written to the file: one write per 64 KiB.
    private var pending: [UInt8] = []

    init(file: Int32?) {
        self.file = file
    }

    /// Keeps `bytes`: `false` when the file did not take them all.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard file != nil else {
            memory += bytes
            return true
        }
        pending += bytes
        return pending.count < 1 << 16 || flush()
    }

    /// Writes out the pending bytes: `false` when the file did not take them all.
    private func flush() -> Bool {
        guard let file else { return true }
        defer { pending.removeAll(keepingCapacity: true) }
        return pending.withUnsafeBytes { bytes in (try? System.writeAll(file, bytes)) != nil }
    }

    /// Hands back everything appended, in chunks, while `take` says so:
    /// `false` when the spool could not give back all it was given.
    func drain(_ take: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard let file else {
            _ = memory.withUnsafeBytes { take($0) }
            return true
        }
        guard flush(), (try? System.rewind(file)) != nil else { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { buffer in Result { () throws(SystemError) in try System.read(file, into: buffer) } }
            guard let count = try? read.get() else { return false }
            if count == 0 { return true }
            guard chunk.withUnsafeBytes({ take(UnsafeRawBufferPointer(rebasing: $0[..<count])) }) else { return true }
        }
    }

    deinit { if let file { System.close(file) } }
}
