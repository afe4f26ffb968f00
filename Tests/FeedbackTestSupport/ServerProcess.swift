import Foundation

/// A peer server the runner tests start as a child process: one of the
/// faulty servers of `Conformance/fixtures/faulty_server.py`, or moto.
///
/// ```swift
/// let server = try ServerProcess.faulty("hang")
/// defer { server.stop() }
/// let runner = ServerRunner(options: .init(endpoint: server.endpoint, timeout: 1))
/// ```
///
/// The child's stdin is a pipe this process holds open: the faulty servers
/// exit when it closes, so a crashed test leaves none behind.
public final class ServerProcess: @unchecked Sendable {
    /// The running child.
    public let process: Process
    /// The port it listens on (127.0.0.1).
    public let port: Int
    private let stdin: Pipe

    /// `http://127.0.0.1:<port>/`.
    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)/")! }


    /// Why a peer could not be started.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    private init(process: Process, port: Int, stdin: Pipe) {
        self.process = process
        self.port = port
        self.stdin = stdin
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
    /// in a thread of a wrapper that exits when its stdin closes: the
    /// `moto_server` pyenv shim forks, so terminating it left moto running.
    public static func moto() throws -> ServerProcess {
        let wrapper = "import sys, threading; from moto.server import main; "
            + "threading.Thread(target=main, args=(sys.argv[1:],), daemon=True).start(); sys.stdin.read()"
        return try start(["python3", "-c", wrapper, "-H", "127.0.0.1", "-p", "0"], portFrom: .stderr) { line in
            guard let range = line.range(of: "Running on http://127.0.0.1:") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }

    private enum Stream { case stdout, stderr }

    private static func start(_ command: [String], portFrom stream: Stream, timeout: Double = 10,
                              port parse: (String) -> Int?) throws -> ServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let stdin = Pipe(), output = Pipe()
        process.standardInput = stdin
        if stream == .stdout {
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = output
        }
        do { try process.run() } catch {
            throw StartError(description: "cannot start \(command[0]) (is it on PATH?)")
        }
        let reader = output.fileHandleForReading
        let end = Date().addingTimeInterval(timeout)
        var line: [UInt8] = []
        while Date() < end {
            let data = reader.availableData  // blocks until bytes or end of file
            if data.isEmpty {
                process.waitUntilExit()
                throw StartError(description: "\(command[0]) exited with status \(process.terminationStatus) before it listened"
                    + (command.contains { $0.contains("moto") } ? " (is moto[server]==5.2.1 installed? pip install -r Conformance/requirements.txt)" : ""))
            }
            for byte in data {
                if byte == UInt8(ascii: "\n") {
                    if let port = parse(String(decoding: line, as: UTF8.self)) {
                        // Keep draining, or a chatty child (moto logs every request) blocks on a full pipe.
                        reader.readabilityHandler = { handle in
                            if handle.availableData.isEmpty { handle.readabilityHandler = nil }
                        }
                        return ServerProcess(process: process, port: port, stdin: stdin)
                    }
                    line = []
                } else {
                    line.append(byte)
                }
            }
        }
        process.terminate()
        throw StartError(description: "\(command[0]) did not say its port within \(timeout) s")
    }

    /// Stops the child and waits for it.
    public func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
