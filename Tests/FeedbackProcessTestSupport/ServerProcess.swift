import FeedbackSystem
import FeedbackTestSupport
import Foundation

/// A peer server the runner tests start as a child process: one of the
/// faulty servers of `Conformance/fixtures/faulty_server.py`, or moto.
///
/// ```swift
/// let server = try ServerProcess.faulty("hang")
/// defer { server.stop() }
/// let runner = ServerRunner(options: .init(endpoint: server.endpoint, timeout: .seconds(1)))
/// ```
///
/// The child's stdin is a pipe this process holds open: the servers exit
/// when it closes, so a crashed test leaves none behind. It runs in a
/// process group of its own (``ChildProcess``), ended as a whole by
/// ``stop()``. Its port is read with a bounded, polled wait; what it logs
/// afterwards is drained by a thread that owns its own descriptor (no
/// dispatch source watches a descriptor that someone else may close).
public final class ServerProcess: @unchecked Sendable {
    private let child: ChildProcess
    /// The port it listens on (127.0.0.1).
    public let port: Int

    /// `http://127.0.0.1:<port>/`.
    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Why a peer could not be started.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    private init(child: ChildProcess, port: Int) {
        self.child = child
        self.port = port
    }

    /// Starts `faulty_server.py mode --port 0 arguments...` with `python3`
    /// from `PATH` and reads its port from the first line of its stdout.
    public static func faulty(_ mode: String, _ arguments: [String] = []) throws -> ServerProcess {
        let script = PackagePaths.file("Conformance/fixtures/faulty_server.py")
        return try start(["python3", script, mode, "--port", "0"] + arguments, portFrom: .stdout) { line in
            Int(line.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Starts moto's server (`moto.server.main`, what `moto_server` runs) on
    /// port 0 with `python3` from `PATH`, and reads its port from the
    /// ` * Running on http://127.0.0.1:PORT` line it logs to stderr. It runs
    /// in a thread of a wrapper that exits when its stdin closes.
    public static func moto() throws -> ServerProcess {
        let wrapper = "import sys, threading; from moto.server import main; "
            + "threading.Thread(target=main, args=(sys.argv[1:],), daemon=True).start(); sys.stdin.read()"
        return try start(["python3", "-c", wrapper, "-H", "127.0.0.1", "-p", "0"], portFrom: .stderr) { line in
            guard let range = line.range(of: "Running on http://127.0.0.1:") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }

    enum Stream { case stdout, stderr }

    static func start(_ command: [String], portFrom stream: Stream, timeout: Double = 20,
                              port parse: (String) -> Int?) throws -> ServerProcess {
        let child: ChildProcess
        do {
            child = try ChildProcess(command, stdin: .pipe, stdout: stream == .stdout ? .pipe : .null,
                                     stderr: stream == .stderr ? .pipe : .null)
        } catch {
            throw StartError(description: "cannot start \(command[0]): \(error)")
        }
        let descriptor = stream == .stdout ? child.output : child.error
        let deadline = ContinuousClock.now + .seconds(timeout)
        var line: [UInt8] = []
        var pending: [UInt8] = []
        while let milliseconds = deadline.pollTimeout(cap: 100) {
            var ready = [PollRequest(descriptor, .readable)]
            guard (try? System.poll(&ready, milliseconds: milliseconds)) == true else { continue }
            let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk -> Int in
                let count = (try? System.read(descriptor, into: UnsafeMutableRawBufferPointer(chunk))) ?? -1
                if count > 0 { pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count])) }
                return count
            }
            if count == 0 {
                let ended = child.terminate(grace: 0).map { "\($0)" } ?? "ended"
                throw StartError(description: "\(command[0]) \(ended) before it listened"
                    + (command.contains { $0.contains("moto") } ? " (is moto[server]==5.2.1 installed? pip install -r Conformance/requirements.txt)" : ""))
            }
            for byte in pending {
                guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
                if let port = parse(String(decoding: line, as: UTF8.self)) {
                    drain(descriptor)
                    return ServerProcess(child: child, port: port)
                }
                line = []
            }
            pending = []
        }
        child.terminate(grace: 0)
        throw StartError(description: "\(command[0]) did not say its port within \(timeout) s")
    }

    /// Reads what the server writes to `descriptor` until it closes, on a
    /// thread of its own, through a duplicate this thread alone closes:
    /// a chatty server (moto logs every request) never blocks on a full pipe.
    private static func drain(_ descriptor: Int32) {
        guard let own = try? System.duplicate(descriptor) else { return }
        _ = SystemThread.detach {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while let count = chunk.withUnsafeMutableBytes({ try? System.read(own, into: $0) }), count > 0 {}
            System.close(own)
        }
    }

    /// Stops the server: closes its stdin, then ends its process group and reaps it.
    public func stop() {
        child.terminate(grace: 1)
    }
}
