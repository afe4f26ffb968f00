import FeedbackWire

/// Bytes from a server → the socket client's response parser. The first
/// byte chooses the limits and where the stream is split in two reads;
/// the rest is the stream. The parser must never crash (an arithmetic
/// overflow on a size the server sent is a trap), must keep every head
/// and body within its limits, and must give the same answer whether the
/// bytes come in one read, in two, or one byte at a time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let all = UnsafeRawBufferPointer(start: start, count: count)
    let control = all[0]
    let stream = Array(all.dropFirst())
    let limits = HTTPResponseParser.Limits(maxHeadBytes: 64 + Int(control & 0x0F) * 64,
                                           maxBodyBytes: Int(control >> 4) * 37)
    let split = stream.isEmpty ? 0 : Int(control) % (stream.count + 1)
    let whole = parse([stream], limits)
    let halves = parse([Array(stream[..<split]), Array(stream[split...])], limits)
    let bytes = parse(stream.map { [$0] }, limits)
    guard whole == halves, whole == bytes else { fatalError("the answer depends on how the bytes were split") }
    if case .success(let response) = whole {
        guard response.body.count <= limits.maxBodyBytes else { fatalError("a body beyond its limit") }
        guard (100...999).contains(response.status) else { fatalError("a status that is not three digits") }
    }
    return 0
}

func parse(_ chunks: [[UInt8]], _ limits: HTTPResponseParser.Limits) -> Result<WireResponse, HTTPResponseParser.Failure> {
    var parser = HTTPResponseParser(limits: limits, headRequest: false)
    do throws(HTTPResponseParser.Failure) {
        for chunk in chunks {
            if let response = try parser.consume(chunk) { return .success(response) }
        }
        return .success(try parser.finish())
    } catch {
        return .failure(error)
    }
}

/// Nothing outlives an input here.
func prepare() {}
