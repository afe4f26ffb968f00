// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets, in their own package so the library's build is never
// sanitized. Build and run them with ./fuzz.sh (see README.md).
let package = Package(
    name: "FeedbackFuzzing",
    dependencies: [.package(name: "cognito-feedback", path: "..")],
    targets: [
        // The entry point every target shares.
        .target(name: "FuzzSupport"),
        // Raw bytes → body parser → both operations' verdicts.
        .executableTarget(name: "FuzzBody", dependencies: [
            "FuzzSupport",
            .product(name: "FeedbackWire", package: "cognito-feedback"),
            .product(name: "FeedbackRules", package: "cognito-feedback"),
        ]),
        // Bytes from a server → the socket client's HTTP response parser.
        .executableTarget(name: "FuzzHTTPResponse", dependencies: [
            "FuzzSupport",
            .product(name: "FeedbackWire", package: "cognito-feedback"),
        ]),
        // A member value → the engine against the regex reference.
        .executableTarget(name: "FuzzDifferential", dependencies: [
            "FuzzSupport",
            .product(name: "FeedbackRules", package: "cognito-feedback"),
            .product(name: "FeedbackReference", package: "cognito-feedback"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
