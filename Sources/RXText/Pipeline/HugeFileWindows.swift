import CRXICU

/// A huge file read a window of about a megabyte at a time, so that a 100 MB file never sits in
/// memory whole. Each window is a `Document` of its own that knows its place in the file
/// (`Document.Window`): offsets inside rxtext stay window offsets, and reporters print file
/// offsets and positions.
///
/// Windows end where a paragraph ends (before a blank line), so every paragraph and sentence is
/// segmented as in the whole file. A paragraph longer than a window (a file that is one long
/// line) is cut where its last sentence in the window starts, or, failing a sentence boundary,
/// at the last character that fits.
///
/// The file is checked whole first, streaming: a bad byte anywhere is reported, with its line
/// and column, before any flag of the file, exactly as for a file read whole.
enum HugeFileWindows {
    /// Calls `body` with each window in order. Throws before the first window when the file
    /// cannot be read as text, and after the last one delivered if reading fails part way.
    static func read(_ path: String, windowBytes: Int, _ body: (Document) -> Void) throws {
        let fileBytes: Int
        switch try check(path) {
        case .valid(let size): fileBytes = size
        case .whole(let document):
            // The file changed since the check; it is read whole, as any other file.
            return body(document)
        }
        let file = try ReadableFile(path)
        var pending: [UInt8] = []
        var offset = 0
        var position = SourcePosition(line: 1, column: 1)
        var atEnd = false
        var continuesSentence = false
        while true {
            // A few bytes past the window show whether its last character is complete.
            while !atEnd && pending.count < windowBytes + 4 {
                atEnd = try file.read(appendingTo: &pending, upTo: windowBytes + 4 - pending.count)
            }
            if pending.isEmpty { return }
            let window = Document.Window(
                offset: offset, position: position, fileBytes: fileBytes, continuesSentence: continuesSentence)
            let (cut, midSentence) =
                atEnd && pending.count <= windowBytes
                ? (pending.count, false) : cutPoint(in: pending, limit: windowBytes, path: path, window: window)
            continuesSentence = midSentence
            let document = Document(window: Array(pending[..<cut]), path: path, at: window)
            body(document)
            position = document.position(of: cut)
            offset += cut
            pending.removeFirst(cut)
        }
    }

    /// Where the window starting `pending` ends: after the last paragraph that ends within
    /// `limit` bytes; else at the start of the last sentence that starts in them; else, inside a
    /// sentence longer than the window (`midSentence`), after the last space, so that no word is
    /// cut; failing one, at the last character boundary.
    static func cutPoint(
        in pending: [UInt8], limit: Int, path: String, window: Document.Window
    ) -> (cut: Int, midSentence: Bool) {
        let end = min(limit, pending.count)
        // A blank line (spaces and tabs only) before `end`: the window stops where it starts.
        var index = end - 1
        while index > 0 {
            let byte = pending[index]
            if byte == 0x0A || byte == 0x0D {
                var start = index
                while start > 0 && (pending[start - 1] == 0x20 || pending[start - 1] == 0x09) { start -= 1 }
                // The line is blank if a line ending comes before it; never cut between the CR
                // and LF of one line ending.
                if start > 0 && (pending[start - 1] == 0x0A || pending[start - 1] == 0x0D)
                    && !(pending[start - 1] == 0x0D && pending[start] == 0x0A)
                {
                    return (start, false)
                }
            }
            index -= 1
        }
        var boundary = end
        while boundary > 0 && boundary < pending.count && pending[boundary] & 0xC0 == 0x80 { boundary -= 1 }
        // Never between the CR and LF of one line ending: each window would count a line.
        if boundary > 0 && boundary < pending.count && pending[boundary - 1] == 0x0D && pending[boundary] == 0x0A {
            boundary += boundary > 1 ? -1 : 1
        }
        guard boundary > 0 else { return (end, true) }
        let probe = Document(window: Array(pending[..<boundary]), path: path, at: window)
        var lastStart = 0
        // A piece of a sentence too long to take whole is not a sentence start.
        Segmenter().forEachSentence(in: probe, tokenize: false) { _, sentence in
            if !sentence.continuesSentence { lastStart = sentence.range.start }
        }
        if lastStart > probe.bodyStart { return (lastStart, false) }
        var space = boundary
        while space > 1 && pending[space - 1] != 0x20 && pending[space - 1] != 0x09 { space -= 1 }
        return (space > 1 ? space : boundary, true)
    }

    enum Check {
        case valid(bytes: Int)
        /// The file read whole: it was not what the streaming check saw.
        case whole(Document)
    }

    /// Streams through the file checking that it is UTF-8 text. A file that is not is read
    /// whole for the error, which names the offset, line and column, as for any other file.
    static func check(_ path: String) throws -> Check {
        let file = try ReadableFile(path)
        var buffer: [UInt8] = []
        var total = 0
        var atEnd = false
        while !atEnd {
            atEnd = try file.read(appendingTo: &buffer, upTo: 1 << 20)
            // A character cut by the end of the read waits for the next one.
            let complete = atEnd ? buffer.count : completePrefix(buffer)
            var offset: Int64 = -1
            let verdict = buffer.withUnsafeBufferPointer { rx_utf8_check($0.baseAddress, Int64(complete), &offset) }
            // UTF-16 fails here too, by its BOM or its NUL bytes.
            if verdict != Int32(RX_UTF8_OK) { return .whole(try Document.load(path: path)) }
            total += complete
            buffer.removeFirst(complete)
        }
        return .valid(bytes: total)
    }

    /// The length of the longest prefix of `bytes` that does not end inside a character.
    static func completePrefix(_ bytes: [UInt8]) -> Int {
        var start = bytes.count
        while start > 0 && bytes.count - start < 3 && bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0, bytes[start - 1] >= 0xC0 else { return bytes.count }
        let lead = start - 1
        return bytes.count - lead < UTF8Scalars.sequenceLength(bytes[lead]) ? lead : bytes.count
    }
}
