import FeedbackCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A closed standard output must not kill the process with SIGPIPE: the
// failed write is seen, the run stops, and the exit status says so (3).
signal(SIGPIPE, SIG_IGN)
let io = ToolIO.process
var status = await Tool.run(Array(CommandLine.arguments.dropFirst()), io: io)
status = Tool.finish(status, io: io)
exit(status)
