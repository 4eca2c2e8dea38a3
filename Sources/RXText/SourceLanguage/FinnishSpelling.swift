/// What Finnish spelling allows, judged on a word's UTF-8 bytes before any string is made: the
/// rules that ask Voikko pass over most English words with this test first (an archive has
/// millions of words, and Voikko, the English word list and a `String` each cost more).
enum FinnishSpelling {
    /// Whether the word could be a Finnish word: four bytes or more, letters only (ASCII, ä, ö,
    /// å), none of c, f, q, w, x, z and no g but after n (Finnish writes them only in names and a
    /// few loans), no "th", "sh" or "ph", and ending as Finnish words end (a vowel, n, t, s, l or
    /// r; not "ly").
    static func mayBeWord(_ bytes: [UInt8], _ range: ByteRange) -> Bool {
        guard range.count >= 4 else { return false }
        var previous: UInt8 = 0
        var index = range.start
        var last: UInt8 = 0
        while index < range.end {
            let byte = bytes[index]
            if byte >= 0x80 {
                // ä ö å Ä Ö Å: C3 A4, C3 B6, C3 A5, C3 84, C3 96, C3 85.
                guard byte == 0xC3, index + 1 < range.end else { return false }
                let next = bytes[index + 1]
                guard next == 0xA4 || next == 0xB6 || next == 0xA5 || next == 0x84 || next == 0x96 || next == 0x85
                else { return false }
                previous = 0
                last = UInt8(ascii: "a")  // a vowel
                index += 2
                continue
            }
            let letter = byte | 0x20
            guard letter >= 0x61 && letter <= 0x7A else { return false }
            switch letter {
            case UInt8(ascii: "c"), UInt8(ascii: "f"), UInt8(ascii: "q"), UInt8(ascii: "w"), UInt8(ascii: "x"),
                UInt8(ascii: "z"):
                return false
            case UInt8(ascii: "g"):
                // Finnish writes g after n ("Helsingissä") and in a few loans.
                if previous != UInt8(ascii: "n") { return false }
            case UInt8(ascii: "h"):
                if previous == UInt8(ascii: "t") || previous == UInt8(ascii: "s") || previous == UInt8(ascii: "p") {
                    return false
                }
            default: break
            }
            previous = letter
            last = letter
            index += 1
        }
        if last == UInt8(ascii: "y"), bytes[range.end - 2] | 0x20 == UInt8(ascii: "l") {
            return false
        }
        switch last {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "l"),
            UInt8(ascii: "r"):
            return true
        default: return false
        }
    }

    /// How many letters a word that `mayBeWord` accepts has (ä, ö and å are two bytes each):
    /// the length of its fold, without making it.
    static func letterCount(_ bytes: [UInt8], _ range: ByteRange) -> Int {
        var letters = 0
        for index in range.start..<range.end where bytes[index] & 0xC0 != 0x80 { letters += 1 }
        return letters
    }

    /// Letters only (any script), on bytes for ASCII words.
    static func isLetters(_ bytes: [UInt8], _ range: ByteRange, _ folded: () -> String) -> Bool {
        var ascii = true
        for index in range.start..<range.end {
            let byte = bytes[index]
            if byte >= 0x80 {
                ascii = false
                break
            }
            let letter = byte | 0x20
            if letter < 0x61 || letter > 0x7A { return false }
        }
        return ascii || folded().allSatisfy(\.isLetter)
    }
}
