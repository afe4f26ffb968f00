// swift-tools-version: 6.0
import PackageDescription

// The platform is Linux (glibc), with Swift 6 and its
// toolchain only: no package dependencies. SwiftPM's `platforms:` lists
// Apple systems only, so Linux is declared here, in the README, and by
// FeedbackSystem, which does not compile elsewhere.
//
// One concept per module, each on the ones below it:
//
//   FeedbackSystem         the C library, wrapped once: descriptors, files, child processes, threads, sockets
//   FeedbackRules          the engine (standard library only)
//   FeedbackWire           awsJson1.1 on the wire: JSON text, request bodies, HTTP messages (standard library and FeedbackSystem)
//   FeedbackSigning        SigV4 and the credentials it signs with
//   FeedbackVectors        the language-neutral test vectors
//   FeedbackAdapterProtocol the messages between the client runner and an adapter (rules, wire, signing only)
//   FeedbackConformance    the judges: an engine's report, a server's response, a client's request
//   FeedbackClient         this project's own Swift client (encoder and decoder)
//   FeedbackRunner         runs against live servers and adapter processes; reports
//   FeedbackLint           bulk linting of bodies (rules and wire only)
//   FeedbackReference      a slow Swift Regex statement of the rules, for differential tests
//   FeedbackCLI            the command line, in a library so tests drive it in process
let package = Package(
    name: "cognito-feedback",
    products: [
        .library(name: "FeedbackRules", targets: ["FeedbackRules"]),
        .library(name: "FeedbackWire", targets: ["FeedbackWire"]),
        .library(name: "FeedbackSigning", targets: ["FeedbackSigning"]),
        .library(name: "FeedbackConformance", targets: ["FeedbackConformance"]),
        .library(name: "FeedbackAdapterProtocol", targets: ["FeedbackAdapterProtocol"]),
        .library(name: "FeedbackClient", targets: ["FeedbackClient"]),
        .library(name: "FeedbackRunner", targets: ["FeedbackRunner"]),
        .library(name: "FeedbackLint", targets: ["FeedbackLint"]),
        .library(name: "FeedbackReference", targets: ["FeedbackReference"]),
        .executable(name: "cognito-feedback", targets: ["cognito-feedback"]),
    ],
    targets: [
        .target(name: "FeedbackSystem"),
        .target(name: "FeedbackRules"),
        .target(name: "FeedbackWire", dependencies: ["FeedbackRules", "FeedbackSystem"]),
        .target(name: "FeedbackSigning", dependencies: ["FeedbackWire"]),
        .target(name: "FeedbackVectors", dependencies: ["FeedbackRules", "FeedbackWire"], plugins: ["EmbedVectors"]),
        // Compiles vectors/*.json into FeedbackVectors: a copied binary carries them.
        .plugin(name: "EmbedVectors", capability: .buildTool(), dependencies: ["embed-vectors"]),
        .executableTarget(name: "embed-vectors"),
        .target(name: "FeedbackAdapterProtocol", dependencies: ["FeedbackRules", "FeedbackWire", "FeedbackSigning"]),
        .target(name: "FeedbackConformance",
                dependencies: ["FeedbackRules", "FeedbackWire", "FeedbackSigning", "FeedbackVectors", "FeedbackAdapterProtocol"]),
        .target(name: "FeedbackClient", dependencies: ["FeedbackRules", "FeedbackWire", "FeedbackSigning"]),
        .target(name: "FeedbackRunner", dependencies: ["FeedbackConformance", "FeedbackAdapterProtocol", "FeedbackSystem"]),
        .target(name: "FeedbackLint", dependencies: ["FeedbackRules", "FeedbackWire", "FeedbackSystem"]),
        .target(name: "FeedbackReference", dependencies: ["FeedbackRules"]),
        .target(name: "FeedbackCLI", dependencies: ["FeedbackLint", "FeedbackConformance", "FeedbackRunner", "FeedbackSystem"]),
        .executableTarget(name: "cognito-feedback", dependencies: ["FeedbackCLI", "FeedbackSystem"]),
        // The client adapter over the project's own Swift client (Conformance/PROTOCOL.md).
        .executableTarget(name: "feedback-swift-adapter", dependencies: ["FeedbackAdapterProtocol", "FeedbackClient", "FeedbackSystem"],
                          path: "Conformance/adapters/swift"),

        // Test helpers per layer, each on only what it helps test: paths, seeded
        // randomness and the vectors; client cases; peers' processes.
        .target(name: "FeedbackTestSupport", dependencies: ["FeedbackVectors"], path: "Tests/FeedbackTestSupport"),
        .target(name: "FeedbackConformanceTestSupport", dependencies: ["FeedbackConformance", "FeedbackTestSupport"],
                path: "Tests/FeedbackConformanceTestSupport"),
        .target(name: "FeedbackProcessTestSupport", dependencies: ["FeedbackSystem", "FeedbackTestSupport"],
                path: "Tests/FeedbackProcessTestSupport"),
        .testTarget(name: "FeedbackSystemTests", dependencies: ["FeedbackSystem"]),
        .testTarget(name: "FeedbackRulesTests",
                    dependencies: ["FeedbackRules", "FeedbackReference", "FeedbackConformance", "FeedbackTestSupport"]),
        .testTarget(name: "FeedbackWireTests", dependencies: ["FeedbackWire", "FeedbackTestSupport"]),
        .testTarget(name: "FeedbackSigningTests", dependencies: ["FeedbackSigning", "FeedbackTestSupport"]),
        .testTarget(name: "FeedbackVectorsTests", dependencies: ["FeedbackVectors", "FeedbackTestSupport"]),
        .testTarget(name: "FeedbackConformanceTests",
                    dependencies: ["FeedbackConformance", "FeedbackTestSupport", "FeedbackConformanceTestSupport"]),
        .testTarget(name: "FeedbackAdapterProtocolTests",
                    dependencies: ["FeedbackAdapterProtocol", "FeedbackConformance", "FeedbackConformanceTestSupport"]),
        .testTarget(name: "FeedbackClientTests",
                    dependencies: ["FeedbackClient", "FeedbackConformance", "FeedbackTestSupport", "FeedbackConformanceTestSupport"]),
        .testTarget(name: "FeedbackRunnerTests",
                    dependencies: ["FeedbackRunner", "FeedbackTestSupport", "FeedbackConformanceTestSupport", "FeedbackProcessTestSupport"]),
        .testTarget(name: "FeedbackLintTests",
                    dependencies: ["FeedbackLint", "FeedbackSystem", "FeedbackTestSupport", "FeedbackProcessTestSupport"]),
        .testTarget(name: "FeedbackCLITests",
                    dependencies: ["FeedbackCLI", "FeedbackTestSupport", "FeedbackConformanceTestSupport", "FeedbackProcessTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
