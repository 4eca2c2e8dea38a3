/// A horizontal bar chart as inline SVG, so the report needs no script or image to show counts.
struct SVGBarChart {
    var title: String
    var bars: [(label: String, value: Int)]

    func render() -> String {
        let rowHeight = 22
        let labelWidth = 300
        let barWidth = 360
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let height = rowHeight * bars.count + 8
        var svg =
            "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTMLEscape.text(title))\" width=\"\(labelWidth + barWidth + 60)\" "
            + "height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTMLEscape.text(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 4
            let width = max(1, barWidth * bar.value / maximum)
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(HTMLEscape.text(bar.label))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" rx=\"2\"></rect>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 14)\">\(bar.value)</text>"
        }
        return svg + "</svg>"
    }
}
