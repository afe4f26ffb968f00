// swift-tools-version: 6.0
import PackageDescription

// The Swift snippets of README.md and Conformance/README.md, compiled and run
// as a user's package would: it depends on the project by path, and its
// sources are extracted from the Markdown by extract.py (see README.md here).
let package = Package(
    name: "ReadmeExamples",
    dependencies: [.package(name: "cognito-feedback", path: "..")],
    targets: [
        // Snippets that run: each one a function, called in order by main.swift.
        .executableTarget(name: "ReadmeSnippets", dependencies: [
            .product(name: "FeedbackRules", package: "cognito-feedback"),
            .product(name: "FeedbackConformance", package: "cognito-feedback"),
            .product(name: "FeedbackRunner", package: "cognito-feedback"),
            .product(name: "FeedbackClient", package: "cognito-feedback"),
        ], path: "Generated/ReadmeSnippets"),
        // Snippets that are Swift Testing suites: each one a file, as written.
        .testTarget(name: "ReadmeSnippetTests", dependencies: [
            .product(name: "FeedbackConformance", package: "cognito-feedback"),
        ], path: "Generated/ReadmeSnippetTests"),
    ],
    swiftLanguageModes: [.v6]
)
