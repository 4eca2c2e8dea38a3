import Foundation
import PackagePlugin

/// Embeds the files of a target's `Page` folder in the target at build time: ResourceEmbedder
/// turns them into `PageResources.swift`, one string constant per file (`Page/review.js` ->
/// `PageResources.reviewJS`). Not a resource bundle: `make install` copies the binary alone, and
/// the page must come with it. The folder is excluded from the target in Package.swift, so the
/// files are listed here; a changed file reruns the tool.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Page")
        let files = try FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]
        )
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "PageResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) page file(s) of \(target.name)",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: ["PageResources", output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
