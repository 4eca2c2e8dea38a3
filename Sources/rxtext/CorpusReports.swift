import ArgumentParser
import RXText

/// Lints whole paths into memory for the commands that show every flag at once (review, report),
/// with the same discovery, configuration and glossaries as `lint`.
enum CorpusReports {
    static func lint(
        _ paths: [String], config: String?, glossaries: GlossaryOptions, decisions: DecisionSet?
    ) throws -> [FileReport] {
        let configurations = try ConfigurationSet(explicit: config, paths: paths)
        let engine = try glossaries.engine(extra: configurations.extraGlossaries)
        var options = LintOptions()
        options.decisions = decisions
        let session = LintSession(engine: engine, options: options) { path in
            configurations.linter(for: path, from: engine.rules)
        }
        let discovery = FileDiscovery(include: FileDiscovery.defaultInclude, exclude: configurations.ignore)
        let (files, discoveryErrors) = discovery.files(for: paths)
        var reports: [FileReport] = []
        for (path, reason) in discoveryErrors {
            reports.append(FileReport(path: path, document: nil, flags: [], error: "\(path): error: \(reason)"))
        }
        session.run(files) { reports.append($0) }
        for report in reports { if let error = report.error { printError(error) } }
        return reports
    }
}
