// SwiftPM links executables on Linux with `--defsym main=<Target>_main`, but
// `-parse-as-library` (which libFuzzer needs) emits no entry point. Each
// target defines that symbol in a line and calls `runFuzzer`, which hands
// control to libFuzzer's driver after `prepare()` has built what lives for
// the whole run (so LeakSanitizer does not count it against the first input).

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

/// Runs libFuzzer over `testOneInput` with the process's arguments.
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    prepare: () -> Void, testOneInput: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt {
    prepare()
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}
