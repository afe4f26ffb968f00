import FeedbackCLI
import Foundation

// A closed standard output must end the run quietly, not kill it.
signal(SIGPIPE, SIG_IGN)
let output = BufferedWriter(descriptor: 1)
let status = await Tool.run(
    Array(CommandLine.arguments.dropFirst()),
    io: ToolIO(
        standardInput: .standardInput,
        output: output.write,
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }))
output.flush()
exit(status)
