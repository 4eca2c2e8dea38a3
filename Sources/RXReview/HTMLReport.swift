import RXText

/// `rxtext report --html`: one static page, readable offline and safe to mail around. Everything is
/// inline (styles and the filter script from `Page/report.css` and `Page/report.js`, the charts as
/// SVG) and the page's own policy forbids any network fetch, so opening it contacts nothing.
public struct HTMLReport {
    public var title = "rxtext report"

    public init() {}

    /// `reports` are the linted files (rejected flags already suppressed); `decisions` marks the
    /// flags already accepted or edited in review.
    public func render(reports: [FileReport], root: String, decisions: [String: DecisionRecord] = [:]) -> String {
        let catalog = ReviewCatalog(reports: reports, root: root)
        let rejected = reports.reduce(0) { $0 + $1.rejected }
        let unreadable = reports.filter { $0.error != nil }
        var byRule: [String: Int] = [:]
        var byFile: [(String, Int)] = []
        var itemsByFile: [String: [ReviewItem]] = [:]
        for item in catalog.items {
            byRule[item.rule, default: 0] += 1
            itemsByFile[item.file, default: []].append(item)
        }
        for file in catalog.files { byFile.append((file, itemsByFile[file]?.count ?? 0)) }
        let nonce = ReviewServer.makeToken()

        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-\(nonce)'; \
            script-src 'nonce-\(nonce)'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscape.text(title))</title>
            <style nonce="\(nonce)">\(PageResources.reportCSS)</style>
            </head>
            <body>
            <h1>\(HTMLEscape.text(title))</h1>

            """
        var line =
            "\(catalog.count) flagged span\(catalog.count == 1 ? "" : "s") in \(catalog.files.count) file"
        line += catalog.files.count == 1 ? "" : "s"
        if rejected > 0 { line += "; \(rejected) rejected in review and left out" }
        if !unreadable.isEmpty { line += "; \(unreadable.count) file(s) could not be read" }
        html += "<p class=\"summary\">\(HTMLEscape.text(line)).</p>\n"
        for report in unreadable {
            html += "<p class=\"problem\">\(HTMLEscape.text(report.error ?? report.path))</p>\n"
        }
        html += "<div class=\"charts\"><figure><figcaption>Flags per rule</figcaption>"
        html += SVGBarChart(title: "Flags per rule", bars: byRule.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            .render()
        html += "</figure><figure><figcaption>Flags per file</figcaption>"
        html += SVGBarChart(title: "Flags per file", bars: byFile.map { ($0.0, $0.1) }).render()
        html += "</figure></div>\n"
        html += "<nav>" + select("file", "all files", catalog.files) + select("rule", "all rules", catalog.rules)
        html += select("severity", "all severities", Severity.allCases.reversed().map(\.rawValue))
        html += " <span id=\"shown\"></span></nav>\n"
        for file in catalog.files {
            let items = itemsByFile[file] ?? []
            guard !items.isEmpty else { continue }
            html += "<section data-file=\"\(HTMLEscape.text(file))\"><h2>\(HTMLEscape.text(file))</h2><ol>\n"
            for item in items { html += entry(item, decision: decisions[item.key]) }
            html += "</ol></section>\n"
        }
        html += "<script nonce=\"\(nonce)\">\(PageResources.reportJS)</script>\n</body>\n</html>\n"
        return html
    }

    private func select(_ name: String, _ all: String, _ values: [String]) -> String {
        var html = "<label>\(name) <select id=\"\(name)\"><option value=\"\">\(all)</option>"
        for value in values { html += "<option>\(HTMLEscape.text(value))</option>" }
        return html + "</select></label> "
    }

    private func entry(_ item: ReviewItem, decision: DecisionRecord?) -> String {
        let context = item.context
        var html = "<li class=\"flag\" data-rule=\"\(HTMLEscape.text(item.rule))\" data-severity=\"\(item.severity)\">"
        html +=
            "<div class=\"meta\">\(item.line):\(item.column) <span class=\"badge \(item.severity)\">\(item.severity)</span> "
        html += "<code>\(HTMLEscape.text(item.rule))</code></div>"
        html += "<div class=\"message\">\(HTMLEscape.text(item.message))</div>"
        html +=
            "<p class=\"sentence\">\(HTMLEscape.text(context.sentenceBefore))<mark>\(HTMLEscape.text(context.span))</mark>"
        html += "\(HTMLEscape.text(context.sentenceAfter))</p>"
        if !item.suggestions.isEmpty {
            let shown = item.suggestions.map { $0.isEmpty ? "(remove)" : $0 }
            html += "<div class=\"suggestions\">→ \(shown.map(HTMLEscape.text).joined(separator: " · "))</div>"
        }
        if let decision, let replacement = decision.replacement, decision.action.isAnswer {
            html += "<div class=\"decision\">\(decision.action.rawValue)ed in review: "
            html += "\(HTMLEscape.text(replacement.isEmpty ? "(remove)" : replacement))</div>"
        }
        return html + "</li>\n"
    }
}
