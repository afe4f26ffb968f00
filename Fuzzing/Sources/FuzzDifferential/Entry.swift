// SwiftPM links executables on Linux with `--defsym main=FuzzDifferential_main`, but
// `-parse-as-library` (which libFuzzer needs) emits no entry point. This
// defines that symbol and hands control to libFuzzer's driver, after
// `prepare()` has built what lives for the whole run (so LeakSanitizer
// does not count it against the first input).

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzDifferential_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    prepare()
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzz($0, $1) }
}
