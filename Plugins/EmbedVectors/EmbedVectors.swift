import Foundation
import PackagePlugin

/// Compiles the vector files (`vectors/*.json`) into the FeedbackVectors
/// module, so that a `cognito-feedback` binary carries them wherever it is
/// copied: no checkout, no resource bundle beside it.
@main
struct EmbedVectors: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "vectors")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted()
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedVectors.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) vector files",
                executable: try context.tool(named: "embed-vectors").url,
                arguments: [folder.path(percentEncoded: false), output.path(percentEncoded: false)] + names,
                inputFiles: names.map { folder.appending(path: $0) },
                outputFiles: [output])
        ]
    }
}
