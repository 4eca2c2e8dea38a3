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
        var startsInsideWord = false
        while true {
            // Bytes past the window show whether its last character is complete and whether a
            // sentence starts where it is cut (`cutPoint`).
            while !atEnd && pending.count < windowBytes + lookahead {
                atEnd = try file.read(appendingTo: &pending, upTo: windowBytes + lookahead - pending.count)
            }
            if pending.isEmpty { return }
            var window = Document.Window(
                offset: offset, position: position, fileBytes: fileBytes, continuesSentence: continuesSentence)
            window.startsInsideWord = startsInsideWord
            let (cut, midSentence) =
                atEnd && pending.count <= windowBytes
                ? (pending.count, false) : cutPoint(in: pending, limit: windowBytes, path: path, window: window)
            continuesSentence = midSentence
            startsInsideWord =
                midSentence && cut < pending.count && !isWhiteSpace(endingAt: cut, in: pending)
                && !isWhiteSpace(startingAt: cut, in: pending)
            window.endsInsideWord = startsInsideWord
            let document = Document(window: Array(pending[..<cut]), path: path, at: window)
            body(document)
            position = document.position(of: cut)
            offset += cut
            pending.removeFirst(cut)
        }
    }

    /// How many bytes past a window are read to judge its cut. A sentence boundary depends on
    /// what follows it ("went. on" is one sentence, "went! on" two): segmented without the text
    /// after it, a window's end always looks like one, and a cut after a space that is in fact
    /// a sentence start would make the next window's first sentence a continuation, hiding its
    /// lower-case start. ICU decides from the next few characters; this covers any but a long
    /// run of punctuation and digits after a full stop.
    static let lookahead = 256

    /// Where the window starting `pending` ends: after the last paragraph that ends within
    /// `limit` bytes; else at the start of the last sentence that starts in them, judged with
    /// the `lookahead` bytes after them that `pending` holds; else, inside a sentence longer
    /// than the window (`midSentence`), after the last space, so that no word is cut; failing
    /// one, at the last character boundary.
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
        // The probe runs past the boundary, to a character boundary, so that a sentence start at
        // the boundary itself, or just before it, is seen as the whole read sees it.
        var probeEnd = min(pending.count, boundary + lookahead)
        while probeEnd > boundary && probeEnd < pending.count && pending[probeEnd] & 0xC0 == 0x80 { probeEnd -= 1 }
        let probe = Document(window: Array(pending[..<probeEnd]), path: path, at: window)
        var lastStart = 0
        var nextStart: Int?
        // A piece of a sentence too long to take whole is not a sentence start; a sentence that
        // starts past the boundary is the next window's.
        Segmenter().forEachSentence(in: probe, tokenize: false) { _, sentence in
            guard !sentence.continuesSentence else { return }
            if sentence.range.start <= boundary {
                lastStart = sentence.range.start
            } else if nextStart == nil {
                nextStart = sentence.range.start
            }
        }
        if lastStart > probe.bodyStart { return (lastStart, false) }
        var space = boundary
        // After any ASCII white space (tabs, line, vertical tab and form feeds too), never
        // between the CR and LF of one line ending.
        while space > 1
            && !(isBlank(pending[space - 1])
                && !(pending[space - 1] == 0x0D && space < pending.count && pending[space] == 0x0A))
        {
            space -= 1
        }
        let cut = space > 1 ? space : boundary
        // Only white space left of the sentence the cut is in ("went!!!|" before " on."): the
        // next window starts with the next sentence, which is no continuation. Taken for one,
        // its lower-case start would go unflagged.
        // White space of any script counts ("on.\u{2028} what": a line separator ends a sentence).
        let tailIsBlank =
            nextStart.map { next in
                String(decoding: pending[cut..<next], as: UTF8.self).unicodeScalars.allSatisfy(
                    \.properties.isWhitespace)
            } ?? false
        return (cut, !tailIsBlank)
    }

    /// `flags` of a window without those of the sentence piece a cut inside a word leaves at
    /// either end: a word longer than a window has no whole in any window, and what rules
    /// judge beside it ("NNN…ch. cfu": is the full stop an abbreviation's?) depends on all of
    /// it. Flags are judged by the sentence they carry, which reaches the window's edge when
    /// they lie within `Rule.contextBytes` of the cut.
    static func withoutCutWords(_ flags: [Diagnostic], in document: Document) -> [Diagnostic] {
        guard let window = document.window, window.startsInsideWord || window.endsInsideWord else { return flags }
        return flags.filter { flag in
            !(window.startsInsideWord && flag.sentence.start == 0)
                && !(window.endsInsideWord && flag.sentence.end == document.bytes.count)
        }
    }

    /// Whether the character that ends (starts) at `cut` is white space, in any script.
    private static func isWhiteSpace(endingAt cut: Int, in bytes: [UInt8]) -> Bool {
        String(decoding: bytes[max(0, cut - 4)..<cut], as: UTF8.self).unicodeScalars.last?.properties.isWhitespace
            ?? false
    }

    private static func isWhiteSpace(startingAt cut: Int, in bytes: [UInt8]) -> Bool {
        String(decoding: bytes[cut..<min(bytes.count, cut + 4)], as: UTF8.self).unicodeScalars.first?.properties
            .isWhitespace ?? false
    }

    /// ASCII white space: space, tab, LF, VT, FF, CR.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
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
