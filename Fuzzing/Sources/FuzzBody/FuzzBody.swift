import FeedbackRules
import FeedbackWire

/// Any bytes as a request body: the parser either refuses them with a
/// `JSONError` or yields a body, and the engine's verdict on that body is
/// the same when asked twice, for both operations. A crash, a hang, a
/// sanitizer report or an unstable verdict is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let first: Result<RequestBody, JSONError> = Result { () throws(JSONError) in try RequestBody(json: bytes) }
    let second: Result<RequestBody, JSONError> = Result { () throws(JSONError) in try RequestBody(json: bytes) }
    guard first == second else { fatalError("the parser's answer changed between two reads") }
    guard case .success(let body) = first else { return 0 }
    for operation in FeedbackOperation.allCases {
        let report = operation.validate(body)
        guard report == operation.validate(body) else { fatalError("the verdict changed between two judgements") }
        _ = report.message  // builds every message part
        if !body.jsonText(for: operation).isEmpty, (try? RequestBody(json: body.jsonText(for: operation))) != body {
            fatalError("a body does not survive its own encoding")
        }
    }
    return 0
}

/// Nothing outlives an input here.
func prepare() {}
