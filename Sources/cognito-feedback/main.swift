import FeedbackCLI
import FeedbackSystem

// The process's signal dispositions are main's to set, no library's: a
// closed standard output must not kill the process with SIGPIPE (the
// failed write is seen, the run stops, and the exit status says so: 3),
// and the adapters and curl it starts inherit the disposition
// (Conformance/PROTOCOL.md). The libraries' own writes to pipes hold
// SIGPIPE back on their thread and need no such setting.
System.ignoreBrokenPipeSignal()
let io = ToolIO.process
var status = await Tool.run(Array(CommandLine.arguments.dropFirst()), io: io)
status = Tool.finish(status, io: io)
System.exit(status)
