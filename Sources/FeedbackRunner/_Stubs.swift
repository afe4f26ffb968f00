import Foundation
import FeedbackConformance
public struct ServerRunner: Sendable {
    public struct Options: Sendable { public var endpoint: URL; public var strict = false; public var timeout = 10; public var concurrency = 4; public var deadline: Double = 600; public var region = "us-east-1"; public init(endpoint: URL) { self.endpoint = endpoint } }
    public init(options: Options) {}
    public func run(_ vectors: [Vector], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async -> [CaseResult] { [] }
}
