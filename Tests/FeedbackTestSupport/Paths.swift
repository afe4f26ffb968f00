import Foundation

/// Where the package's files are, for tests that start its fixtures.
public enum PackagePaths {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FeedbackTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The Swift encoder's adapter, `feedback-swift-adapter`, built beside
    /// the running test bundle.
    public static let swiftAdapter: URL = {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return testBinary.deletingLastPathComponent().appendingPathComponent("feedback-swift-adapter")
    }()

    /// A file under the package root.
    public static func file(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// A file under the temporary directory, removed when released.
public final class TemporaryFile: @unchecked Sendable {
    /// Its path.
    public let path: String

    /// A new file holding `contents`.
    public init(_ contents: Data, suffix: String = ".json") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cognito-feedback-\(UUID().uuidString)\(suffix)").path
        try contents.write(to: URL(fileURLWithPath: path))
    }

    /// A new file holding `text` in UTF-8.
    public convenience init(_ text: String, suffix: String = ".json") throws {
        try self.init(Data(text.utf8), suffix: suffix)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A folder under the temporary directory, removed when released.
public final class TemporaryFolder: @unchecked Sendable {
    /// Its path.
    public let path: String

    /// A new, empty folder.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cognito-feedback-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside it.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
