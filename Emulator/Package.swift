// swift-tools-version: 6.0
import PackageDescription

// The emulator lives in its own package so the library keeps no dependencies
// (as Benchmarks/ and Fuzzing/ do).
let package = Package(
    name: "FeedbackEmulator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cognito-feedback-emulator", targets: ["cognito-feedback-emulator"]),
    ],
    dependencies: [
        .package(name: "cognito-feedback", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(
            name: "FeedbackEmulator",
            dependencies: [
                .product(name: "FeedbackRules", package: "cognito-feedback"),
                .product(name: "FeedbackWire", package: "cognito-feedback"),
                .product(name: "FeedbackSigning", package: "cognito-feedback"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "cognito-feedback-emulator",
            dependencies: [
                "FeedbackEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "FeedbackEmulatorTests",
            dependencies: [
                "FeedbackEmulator",
                .product(name: "FeedbackSigning", package: "cognito-feedback"),
                .product(name: "FeedbackWire", package: "cognito-feedback"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
