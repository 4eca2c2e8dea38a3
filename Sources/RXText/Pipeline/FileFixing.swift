import Foundation

/// `lint --fix`: a linted file's safe fixes applied, shown as a diff (`--dry-run`) or written
/// atomically, then the written file linted again so the report shows what remains; review
/// decisions whose flags moved to new keys in a rewritten sentence are carried over.
extension LintSession {
    /// `report` of `document` (from `raw`, every flag of `linter`) after fixing.
    func applyingFixes(to report: FileReport, of document: Document, raw: [Diagnostic], linter: Linter) -> FileReport {
        var report = report
        let path = document.path
        let cleaned = Cleaner().clean(document, flags: report.flags)
        report.skippedFixes = cleaned.skipped.count
        guard !cleaned.applied.isEmpty else { return report }
        let fixedText = cleaned.text
        if options.fix == .dryRun {
            report.wouldFix = cleaned.applied.count
            report.diff = UnifiedDiff.make(old: document.rawText(document.body), new: fixedText, path: path)
            return report
        }
        // Refuse to overwrite a file that changed since it was read.
        guard let current = try? Document.readFile(path), current == document.bytes else {
            report.error = "\(path): error: file changed while it was being linted; not fixed"
            return report
        }
        do {
            // A symlink is fixed at its target only inside the linted tree; a read-only or
            // hard-linked file is reported, not rewritten (issue 21).
            let tree = options.fixTree.isEmpty ? FixPermissions.tree(of: ["."]) : options.fixTree
            try AtomicFile.write(Array(fixedText.utf8), to: FixPermissions.target(of: path, tree: tree).get().path)
        } catch let refusal as FixPermissions.Refusal {
            report.error = "\(path): error: \(refusal)"
            return report
        } catch {
            report.error = "\(error)"
            return report
        }
        let applied = cleaned.applied.count
        let skipped = cleaned.skipped.count
        // Re-lint what was written: the report shows what remains.
        if let fixed = try? Document.load(path: path) {
            let after = flags(fixed, linter: linter)
            let carried =
                options.decisions?.carriedOver(from: document, raw, applied: cleaned.applied, to: fixed, after)
                ?? []
            var options = options
            options.decisions?.add(carried)
            report = LintSession(engine: engine, options: options, linterFor: linterFor).report(fixed, flags: after)
            report.carried = carried
        }
        report.fixed = applied
        report.skippedFixes = skipped
        return report
    }
}
