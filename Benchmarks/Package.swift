// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the library keeps no dependencies.
let package = Package(
    name: "FeedbackBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "cognito-feedback", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The corpus and the baselines, shared by both executables.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "FeedbackRules", package: "cognito-feedback")]
        ),
        // Same-process, interleaved ratios of the engine against the baselines.
        .executableTarget(
            name: "speed-ratio",
            dependencies: ["BenchmarkSupport", .product(name: "FeedbackReference", package: "cognito-feedback")]
        ),
        // The conformance runner against its own transport, over an in-process loopback server (RUNNER.md).
        .executableTarget(
            name: "runner-throughput",
            dependencies: [
                .product(name: "FeedbackConformance", package: "cognito-feedback"),
                .product(name: "FeedbackRunner", package: "cognito-feedback"),
            ]
        ),
        // `lint` in process with a plain synchronous main, for callgrind (which
        // cannot run the tool's async main): instruction counts per step.
        .executableTarget(
            name: "lint-profile",
            dependencies: [.product(name: "FeedbackLint", package: "cognito-feedback")]
        ),
        // The loops Benchmarks/gate.sh counts under valgrind: validate() N times.
        .executableTarget(
            name: "gate-counts",
            dependencies: ["BenchmarkSupport", .product(name: "FeedbackRules", package: "cognito-feedback")]
        ),
        .executableTarget(
            name: "FeedbackBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FeedbackRules", package: "cognito-feedback"),
                .product(name: "FeedbackConformance", package: "cognito-feedback"),
            ],
            path: "Benchmarks/FeedbackBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
