// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cognito-feedback",
    products: [
        .library(name: "FeedbackRules", targets: ["FeedbackRules"]),
        .library(name: "FeedbackConformance", targets: ["FeedbackConformance"]),
        .executable(name: "cognito-feedback", targets: ["cognito-feedback"]),
    ],
    targets: [
        // The rules engine: standard library only, so it embeds anywhere.
        .target(name: "FeedbackRules"),
        // Wire bodies (JSON) and the language-neutral test vectors.
        .target(name: "FeedbackConformance", dependencies: ["FeedbackRules"]),
        // The command-line tool's logic, kept in a library so tests drive it in process.
        .target(name: "FeedbackCLI", dependencies: ["FeedbackRules", "FeedbackConformance"]),
        .executableTarget(name: "cognito-feedback", dependencies: ["FeedbackCLI"]),
        .testTarget(name: "FeedbackRulesTests", dependencies: ["FeedbackRules", "FeedbackConformance"]),
        .testTarget(name: "FeedbackCLITests", dependencies: ["FeedbackCLI", "FeedbackConformance"]),
    ],
    swiftLanguageModes: [.v6]
)
