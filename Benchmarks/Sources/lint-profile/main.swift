// `cognito-feedback lint --jsonl` in process, for callgrind:
//
//   swift build -c release --product lint-profile
//   valgrind --tool=callgrind .build/release/lint-profile FORMAT FILE [JOBS]
//
// The tool's own main is async, which valgrind cannot run; this one calls
// the same Linter synchronously and writes the results to /dev/null.
@_spi(UnsafeOutput) import FeedbackLint
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 3, let format = LintFormat(rawValue: arguments[1]) else {
    print("usage: lint-profile text|json|github|sarif|junit FILE [JOBS]")
    exit(2)
}
let sink = open("/dev/null", O_WRONLY)
let linter = Linter(operation: .updateAuthEventFeedback, format: format, jsonLines: true,
                    jobs: arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1, toolVersion: "profile")
let summary = linter.lint([.file(arguments[2])], unsafeWrite: { bytes in
    write(sink, bytes.baseAddress, bytes.count) == bytes.count
})
print(summary)
