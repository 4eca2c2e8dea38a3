import ArgumentParser
import RXText

/// Lints whole paths into memory for the commands that show every flag at once (review, report),
/// through the same `Project` as `lint`; every file's error is printed.
enum CorpusReports {
    static func lint(
        _ paths: [String], config: String?, glossaries: GlossaryOptions, decisions: () throws -> DecisionSet?
    ) throws -> (project: Project, reports: [FileReport]) {
        let project = try glossaries.project(paths: paths, config: config, decisions: decisions)
        let reports = project.reports(for: paths)
        for report in reports { if let error = report.error { printError(error) } }
        return (project, reports)
    }
}
