#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run's results go: the format's header, the results in order,
/// its footer. Once a write fails, nothing more is written and the run
/// stops. JUnit's test cases wait in a spool (a temporary file), since its
/// header holds the counts.
final class LintOutput {
    private let write: ([UInt8]) -> Bool
    private let format: LintFormat
    private var spool: Spool?
    /// SARIF results each start with a comma, which the first one drops.
    private var awaitsFirstResult = true
    /// Whether a write failed.
    private(set) var failed = false

    init(format: LintFormat, write: @escaping ([UInt8]) -> Bool) {
        self.format = format
        self.write = write
        if format == .junit { spool = Spool() }
    }

    /// Writes a result's bytes, unless a write failed before: `false` once
    /// one has.
    @discardableResult
    func emit(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return !failed }
        if let spool, !failed {
            spool.append(bytes)
            return true
        }
        if format == .sarif && awaitsFirstResult {
            awaitsFirstResult = false
            return raw(Array(bytes.dropFirst()))
        }
        return raw(bytes)
    }

    /// Writes what comes before the results (JUnit's waits for ``finish(header:footer:)``).
    func begin(_ header: [UInt8]) {
        if spool == nil { raw(header) }
    }

    /// Writes what comes after the results; for JUnit, the header and the
    /// spooled results first.
    func finish(header: [UInt8], footer: [UInt8]) {
        if let spool {
            self.spool = nil
            raw(header)
            spool.drain { raw($0) }
        }
        raw(footer)
    }

    @discardableResult
    private func raw(_ bytes: [UInt8]) -> Bool {
        guard !failed else { return false }
        if !bytes.isEmpty && !write(bytes) { failed = true }
        return !failed
    }
}

/// Bytes kept aside until the end of a run: in an unlinked temporary
/// file, or in memory when none can be made.
private final class Spool {
    private let file = tmpfile()
    private var memory: [UInt8] = []

    func append(_ bytes: [UInt8]) {
        guard let file else { return memory += bytes }
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Hands back everything appended, in chunks, while `take` says so.
    func drain(_ take: ([UInt8]) -> Bool) {
        guard let file else { return _ = take(memory) }
        rewind(file)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
            guard count > 0, take(Array(chunk[..<count])) else { break }
        }
    }

    deinit { if let file { fclose(file) } }
}
