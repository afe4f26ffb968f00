import FuzzSupport

/// The entry point SwiftPM's link expects (see FuzzSupport/FuzzDriver.swift).
@_cdecl("FuzzHTTPResponse_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, prepare: prepare) { fuzz($0, $1) }
}
