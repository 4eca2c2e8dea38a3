import RXText

/// `rxtext report --html`: one static page, readable offline and safe to mail around. Everything is
/// inline (styles, the filter script, the charts as SVG) and the page's own policy forbids any
/// network fetch, so opening it contacts nothing.
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
            <style nonce="\(nonce)">\(Self.css)</style>
            </head>
            <body>
            <h1>\(HTMLEscape.text(title))</h1>

            """
        var line =
            "\(catalog.items.count) flagged span\(catalog.items.count == 1 ? "" : "s") in \(catalog.files.count) file"
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
        html += "<script nonce=\"\(nonce)\">\(Self.script)</script>\n</body>\n</html>\n"
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

    static let css = """
        body { font-family: system-ui, sans-serif; color: #1d2330; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
        figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
        .chart rect { fill: #2458d6; } .chart text { font-size: 12px; fill: #1d2330; }
        nav { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #d9dde5; }
        nav label { margin-right: 1rem; }
        h2 { font-size: 1.05rem; margin-top: 1.5rem; }
        li.flag { margin-bottom: .8rem; }
        .meta { font-size: .85rem; color: #5b6475; }
        .badge { text-transform: uppercase; font-size: .7rem; font-weight: 700; padding: 0 .3rem; border-radius: .2rem;
          color: #fff; }
        .badge.error { background: #c62828; } .badge.warning { background: #b26a00; } .badge.info { background: #2e7d32; }
        .message { font-weight: 600; }
        .sentence { margin: .2rem 0; white-space: pre-wrap; }
        mark { background: #ffe08a; font-weight: 600; }
        .suggestions, .decision { font-size: .9rem; color: #5b6475; }
        .problem { color: #c62828; }
        [hidden] { display: none !important; }
        """

    static let script = """
        "use strict";
        const filters = ["file", "rule", "severity"].map((name) => document.getElementById(name));
        function apply() {
          const [file, rule, severity] = filters.map((select) => select.value);
          let shown = 0;
          for (const section of document.querySelectorAll("section[data-file]")) {
            let visible = 0;
            for (const flag of section.querySelectorAll("li.flag")) {
              const show = (!file || section.dataset.file === file) && (!rule || flag.dataset.rule === rule) &&
                (!severity || flag.dataset.severity === severity);
              flag.hidden = !show;
              if (show) visible += 1;
            }
            section.hidden = visible === 0;
            shown += visible;
          }
          document.getElementById("shown").textContent = shown + " shown";
        }
        for (const select of filters) select.addEventListener("change", apply);
        apply();
        """
}
