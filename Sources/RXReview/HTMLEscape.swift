/// Article text in markup is always escaped: an article containing `<script>` is text, in a
/// report as on the review page.
enum HTMLEscape {
    static func text(_ string: String) -> String {
        var output = ""
        output.reserveCapacity(string.utf8.count)
        for character in string.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}
