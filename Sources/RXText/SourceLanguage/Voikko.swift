import CVoikko

/// One reading of a Finnish word by Voikko: its base form, word class and parts.
public struct MorphAnalysis: Sendable, Hashable {
    /// BASEFORM: "luokka" for "luokassa", "Heikkinen" for "Heikkisen".
    public var baseform: String
    /// CLASS: nimisana (noun), laatusana (adjective), nimisana_laatusana, teonsana (verb),
    /// etunimi (first name), sukunimi (surname), paikannimi (place name), nimi (other name), ...
    public var wordClass: String
    /// STRUCTURE: "=pppp=pppppp" for autokrossi; "=" starts a part, "i" is an upper-case letter.
    public var structure: String
    /// WORDBASES: "+auto(auto)+krossi(krossi)".
    public var wordbases: String
    /// SIJAMUOTO: the case, "nimento" (nominative), "omanto" (genitive), "sisaolento" (inessive), ...
    public var grammaticalCase: String?

    public init(
        baseform: String, wordClass: String, structure: String = "", wordbases: String = "",
        grammaticalCase: String? = nil
    ) {
        self.baseform = baseform
        self.wordClass = wordClass
        self.structure = structure
        self.wordbases = wordbases
        self.grammaticalCase = grammaticalCase
    }

    /// The classes of proper names.
    public static let nameClasses: Set<String> = ["etunimi", "sukunimi", "paikannimi", "nimi"]

    public var isName: Bool { Self.nameClasses.contains(wordClass) }
    public var isFirstName: Bool { wordClass == "etunimi" }
    public var isSurname: Bool { wordClass == "sukunimi" }
    public var isNominative: Bool { grammaticalCase == "nimento" }

    /// The base forms of the word's parts, from WORDBASES, without derivational suffixes:
    /// "+auto(auto)+krossi(krossi)" is ["auto", "krossi"], "+pori(Pori)+lai+nen(+nen)" is
    /// ["Pori"], "+sm(SM)+-+sarja(sarja)" is ["SM", "sarja"]. "=" inside a base (Ala=härmä) is dropped.
    public var parts: [String] {
        var parts: [String] = []
        var scalars = wordbases.unicodeScalars[...]
        while let plus = scalars.firstIndex(of: "+") {
            scalars = scalars[scalars.index(after: plus)...]
            let end = scalars.firstIndex { $0 == "+" || $0 == "(" } ?? scalars.endIndex
            scalars = scalars[end...]
            guard scalars.first == "(" else { continue }  // a suffix or "-" with no base of its own
            let close = scalars.firstIndex(of: ")") ?? scalars.endIndex
            let base = String(scalars[scalars.index(after: scalars.startIndex)..<close])
            scalars = close < scalars.endIndex ? scalars[scalars.index(after: close)...] : scalars[close...]
            if base.hasPrefix("+") || base.isEmpty { continue }  // a derivational suffix (+nen)
            parts.append(base.replacingOccurrences(of: "=", with: ""))
        }
        return parts
    }
}

/// libvoikko with its Finnish dictionary (voikko-fi), opened at run time: Voikko tells whether a
/// word is Finnish, inflected or compounded, and what its base form and parts are.
///
/// A Voikko handle is not safe to share between threads, and an analysis costs tens of
/// microseconds: calls are serialised by a lock, and each distinct word form is analysed once
/// per run, in a cache of at most `cacheCapacity` forms (emptied when full), so an archive that
/// names the same drivers over and over asks Voikko once per name.
public final class Voikko: @unchecked Sendable {
    private typealias Init =
        @convention(c) (
            UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?
        ) -> OpaquePointer?
    private typealias Terminate = @convention(c) (OpaquePointer?) -> Void
    private typealias Analyze =
        @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<OpaquePointer?>?
    private typealias FreeAnalysis = @convention(c) (UnsafeMutablePointer<OpaquePointer?>?) -> Void
    private typealias Value = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    private typealias FreeValue = @convention(c) (UnsafeMutablePointer<CChar>?) -> Void
    private typealias Version = @convention(c) () -> UnsafePointer<CChar>?

    /// The shared library rxtext opens (`libvoikko.so.1`; libvoikko1, installed with libvoikko-dev).
    public static let libraryName = RXTEXT_VOIKKO_LIBRARY

    private let library: DynamicLibrary
    private let handle: OpaquePointer
    private let analyzeWord: Analyze
    private let freeAnalysis: FreeAnalysis
    private let value: Value
    private let freeValue: FreeValue
    private let terminate: Terminate
    /// libvoikko's version ("4.3.1").
    public let version: String

    private let lock = Lock()
    private var cache: [String: [MorphAnalysis]] = [:]
    /// Distinct word forms remembered at once.
    public static let cacheCapacity = 50_000
    /// Longer "words" are not Finnish words (nor anything Voikko should be asked about).
    public static let longestWord = 80
    private var calls = 0

    /// How many times Voikko itself was asked (not the cache): for the speed tests.
    public var analysisCalls: Int { lock.withLock { calls } }

    /// Opens `library` (default `libvoikko.so.1`) and its Finnish dictionary; the reason when
    /// either is missing.
    public static func open(library name: String = libraryName) -> Result<Voikko, LanguageToolError> {
        var failure = ""
        guard let library = DynamicLibrary([name], failure: &failure) else {
            return .failure(.missing("\(name) could not be opened (\(failure))"))
        }
        guard let initialise = library.function("voikkoInit", as: Init.self),
            let terminate = library.function("voikkoTerminate", as: Terminate.self),
            let analyze = library.function("voikkoAnalyzeWordCstr", as: Analyze.self),
            let freeAnalysis = library.function("voikko_free_mor_analysis", as: FreeAnalysis.self),
            let value = library.function("voikko_mor_analysis_value_cstr", as: Value.self),
            let freeValue = library.function("voikko_free_mor_analysis_value_cstr", as: FreeValue.self)
        else {
            return .failure(.missing("\(name) lacks the morphological analysis functions"))
        }
        var error: UnsafePointer<CChar>? = nil
        guard let handle = initialise(&error, "fi", nil) else {
            let reason = error.map { String(cString: $0) } ?? "no reason given"
            return .failure(.missing("libvoikko has no Finnish dictionary (voikko-fi): \(reason)"))
        }
        let version = library.function("voikkoGetVersion", as: Version.self)?().map { String(cString: $0) } ?? "?"
        return .success(
            Voikko(
                library: library, handle: handle, analyze: analyze, freeAnalysis: freeAnalysis, value: value,
                freeValue: freeValue, terminate: terminate, version: version))
    }

    private init(
        library: DynamicLibrary, handle: OpaquePointer, analyze: @escaping Analyze,
        freeAnalysis: @escaping FreeAnalysis, value: @escaping Value, freeValue: @escaping FreeValue,
        terminate: @escaping Terminate, version: String
    ) {
        self.library = library
        self.handle = handle
        self.analyzeWord = analyze
        self.freeAnalysis = freeAnalysis
        self.value = value
        self.freeValue = freeValue
        self.terminate = terminate
        self.version = version
    }

    deinit { terminate(handle) }

    /// Every reading Voikko has of `word` (NFC, as written: case matters for names); empty
    /// when it is not a Finnish word.
    public func analyze(_ word: String) -> [MorphAnalysis] {
        guard !word.isEmpty, word.utf8.count <= Self.longestWord, !word.utf8.contains(0) else { return [] }
        return lock.withLock {
            if let known = cache[word] { return known }
            calls += 1
            let readings = ask(word)
            if cache.count >= Self.cacheCapacity { cache.removeAll(keepingCapacity: true) }
            cache[word] = readings
            return readings
        }
    }

    /// Whether Voikko knows `word` as a Finnish word.
    public func knows(_ word: String) -> Bool { !analyze(word).isEmpty }

    private func ask(_ word: String) -> [MorphAnalysis] {
        guard let list = analyzeWord(handle, word) else { return [] }
        defer { freeAnalysis(list) }
        var readings: [MorphAnalysis] = []
        var index = 0
        while let analysis = list[index] {
            index += 1
            func read(_ key: String) -> String? {
                guard let text = value(analysis, key) else { return nil }
                defer { freeValue(text) }
                return String(cString: text)
            }
            guard let baseform = read("BASEFORM"), let wordClass = read("CLASS") else { continue }
            let reading = MorphAnalysis(
                baseform: baseform, wordClass: wordClass, structure: read("STRUCTURE") ?? "",
                wordbases: read("WORDBASES") ?? "", grammaticalCase: read("SIJAMUOTO"))
            if !readings.contains(reading) { readings.append(reading) }
        }
        return readings
    }
}
