// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cognito-feedback",
    products: [
        .library(name: "FeedbackRules", targets: ["FeedbackRules"]),
        .library(name: "FeedbackConformance", targets: ["FeedbackConformance"]),
        .library(name: "FeedbackRunner", targets: ["FeedbackRunner"]),
        .library(name: "FeedbackReference", targets: ["FeedbackReference"]),
        .executable(name: "cognito-feedback", targets: ["cognito-feedback"]),
    ],
    targets: [
        // The rules engine: standard library only, so it embeds anywhere.
        .target(name: "FeedbackRules"),
        // Wire bodies (JSON) and the language-neutral test vectors.
        .target(name: "FeedbackConformance", dependencies: ["FeedbackRules"]),
        // A slow regex statement of the rules, for differential tests and fuzzing only.
        .target(name: "FeedbackReference", dependencies: ["FeedbackRules"]),
        // Conformance runs against real servers (HTTP) and clients (adapters), and their reports.
        .target(name: "FeedbackRunner", dependencies: ["FeedbackRules", "FeedbackConformance"]),
        // The command-line tool's logic, kept in a library so tests drive it in process.
        .target(name: "FeedbackCLI", dependencies: ["FeedbackRules", "FeedbackConformance", "FeedbackRunner"]),
        .executableTarget(name: "cognito-feedback", dependencies: ["FeedbackCLI"]),
        // The client adapter over the project's own Swift encoder (Conformance/PROTOCOL.md).
        .executableTarget(name: "feedback-swift-adapter", dependencies: ["FeedbackConformance", "FeedbackRules"],
                          path: "Conformance/adapters/swift"),
        .testTarget(name: "FeedbackRulesTests", dependencies: ["FeedbackRules", "FeedbackConformance", "FeedbackReference"]),
        .testTarget(name: "FeedbackRunnerTests", dependencies: ["FeedbackRunner", "FeedbackConformance", "FeedbackRules"]),
        .testTarget(name: "FeedbackCLITests", dependencies: ["FeedbackCLI", "FeedbackConformance"]),
    ],
    swiftLanguageModes: [.v6]
)
