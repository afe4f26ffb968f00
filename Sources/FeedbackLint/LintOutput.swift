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
    private let write: (UnsafeRawBufferPointer) -> Bool
    private let format: LintFormat
    private var spool: Spool?
    /// SARIF results each start with a comma, which the first one drops.
    private var awaitsFirstResult = true
    /// Whether a write failed.
    private(set) var failed = false

    init(format: LintFormat, write: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.format = format
        self.write = write
        if format == .junit { spool = Spool() }
    }

    /// Writes results, unless a write failed before: `false` once one has.
    @discardableResult
    func emit(_ results: ResultBuffer) -> Bool {
        let bytes = results.bytes
        guard !bytes.isEmpty else { return !failed }
        if let spool, !failed {
            spool.append(bytes)
            return true
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
            spool.drain { raw($0) }
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

/// Bytes kept aside until the end of a run: in an unlinked temporary
/// file, or in memory when none can be made.
private final class Spool {
    private let file = tmpfile()
    private var memory: [UInt8] = []

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let file else { return memory += bytes }
        _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
    }

    /// Hands back everything appended, in chunks, while `take` says so.
    func drain(_ take: (UnsafeRawBufferPointer) -> Bool) {
        guard let file else { return _ = memory.withUnsafeBytes { take($0) } }
        rewind(file)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let taken = chunk.withUnsafeMutableBytes { chunk in
                let count = fread(chunk.baseAddress, 1, chunk.count, file)
                return count > 0 && take(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
            }
            guard taken else { break }
        }
    }

    deinit { if let file { fclose(file) } }
}
