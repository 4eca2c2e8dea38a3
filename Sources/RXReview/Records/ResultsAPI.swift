import Foundation
import RXText
import Synchronization

/// The review page's results view, apart from HTTP: for each reviewed article its text and race
/// record as the extractor read it, with the editors' decisions, and the calls that decide. Offsets
/// sent to the page are UTF-16 (what a browser's selection and string indexes count); the store
/// keeps bytes. The evidence of an added result is always cut from the article here, never taken
/// from the request.
public final class ResultsAPI: Sendable {
    struct Article: Sendable {
        var path: String
        var document: Document
        var text: String
        var record: RaceRecord
        var keys: [String]
        /// The nationality the text gives each unknown driver, by folded name (`GlossarySuggestions`).
        var nationalities: [String: String]
    }

    /// The articles as read with the glossaries of the moment: rebuilt when a driver is added.
    struct Articles: Sendable {
        var list: [Article]
        var index: [String: Int]
        var glossary: Glossary
    }

    let store: DecisionStore
    private let documents: [Document]
    private let state: Mutex<Articles>
    /// Where the page adds drivers (nil: the review was started without one in mind).
    let house: HouseGlossary?
    /// The engine as the command loads it, glossaries and configurations read again.
    private let reload: (@Sendable () throws -> Engine)?
    static let maximumField = 200
    static let maximumEvidence = 2_000

    /// `documents`: the reviewed articles; their records are built once, here (and again when a
    /// driver is added to `house` and `reload` gives the engine that knows it).
    public init(
        documents: [Document], store: DecisionStore, engine: Engine, house: HouseGlossary? = nil,
        reload: (@Sendable () throws -> Engine)? = nil
    ) {
        self.store = store
        self.documents = documents
        self.house = house
        self.reload = reload
        state = Mutex(Self.read(documents, root: store.root, engine: engine))
    }

    private var articles: [Article] { state.withLock { $0.list } }

    private static func read(_ documents: [Document], root: String, engine: Engine) -> Articles {
        let annotator = Annotator(lexicon: engine.lexicon)
        // The record as extract and records build it: with the surnames calque.surname recovers.
        let surnames = Linter(rules: engine.rules.rule(id: Extraction.surnameRule).map { [$0] } ?? [])
        let list = documents.map { document in
            let annotated = annotator.annotate(document)
            let record = RecordBuilder().build(
                annotated, renamedSurnames: Extraction.renamedSurnames(surnames.lint(annotated)))
            var suggestions = GlossarySuggestions()
            suggestions.add(annotated)
            var nationalities: [String: String] = [:]
            for suggestion in suggestions.suggestions {
                if let nationality = suggestion.nationality { nationalities[ICU.fold(suggestion.name)] = nationality }
            }
            return Article(
                path: DecisionKey.relativePath(document.path, root: root), document: document,
                text: String(decoding: document.bytes, as: UTF8.self), record: record,
                keys: ResultIdentity.keys(record), nationalities: nationalities)
        }
        var index: [String: Int] = [:]
        for (position, article) in list.enumerated() where index[article.path] == nil {
            index[article.path] = position
        }
        return Articles(list: list, index: index, glossary: engine.glossary)
    }

    struct DecisionView: Encodable {
        var action: ResultAction
        var driver: String?
        var stage: Stage?
        var position: Int?
        var event: String?
        var raceClass: String?
        var decidedAt: String
    }

    struct ResultView: Encodable {
        var key: String
        var driver: String
        var driverID: String?
        var season: Int?
        var event: String?
        var raceClass: String?
        var stage: Stage
        var position: Int?
        var outcome: String?
        var cue: ResultCueKind?
        var confidence: Double
        /// The evidence in UTF-16 units of `ResultsView.text`.
        var from: Int
        var to: Int
        var evidence: String
        var decision: DecisionView?
        /// For a driver no glossary knows (after any correction), the `drivers.yaml` entry the
        /// page offers to add to the house glossary; nil for a known driver or a rejected result.
        var glossaryEntry: GlossaryEntry?
    }

    struct GlossaryEntry: Encodable {
        var id: String
        var name: String
        var nationality: String?
    }

    struct ResultsView: Encodable {
        var file: String
        var files: [String]
        var text: String
        var results: [ResultView]
        var decided: Int
    }

    /// `GET /api/results?file=`: one article (the first when none is named) with its results,
    /// the extractor's followed by the ones editors added.
    func results(file: String?) throws -> ResultsView {
        guard let article = try self.article(file) else {
            return ResultsView(file: "", files: [], text: "", results: [], decided: 0)
        }
        let glossary = state.withLock { $0.glossary }
        let decisions = try store.resultDecisions().filter { $0.path == article.path }
        let byKey = Dictionary(decisions.map { ($0.result, $0) }, uniquingKeysWith: { _, last in last })
        var views = zip(article.record.results, article.keys).map { result, key in
            view(result, key: key, decision: byKey[key], in: article, glossary: glossary)
        }
        for decision in decisions where decision.action == .add {
            guard let added = decision.addedResult(in: article.record, glossary: glossary) else { continue }
            views.append(view(added, key: decision.result, decision: decision, in: article, glossary: glossary))
        }
        return ResultsView(
            file: article.path, files: articles.map(\.path), text: article.text, results: views,
            decided: views.filter { $0.decision != nil }.count)
    }

    struct DecisionRequest: Decodable {
        var file: String
        var key: String?
        var action: String
        var driver: String?
        var stage: String?
        var position: Int?
        var event: String?
        var raceClass: String?
        /// For `add`: the selected words, in UTF-16 units of the article's text.
        var from: Int?
        var to: Int?

        init(
            file: String, key: String? = nil, action: String, driver: String? = nil, stage: String? = nil,
            position: Int? = nil, event: String? = nil, raceClass: String? = nil, from: Int? = nil, to: Int? = nil
        ) {
            self.file = file
            self.key = key
            self.action = action
            self.driver = driver
            self.stage = stage
            self.position = position
            self.event = event
            self.raceClass = raceClass
            self.from = from
            self.to = to
        }

        enum CodingKeys: String, CodingKey {
            case file, key, action, driver, stage, position, event, from, to
            case raceClass = "class"
        }
    }

    struct Decided: Encodable {
        var key: String
    }

    /// `POST /api/result-decisions`: one decision, durable (one transaction) before the response.
    func decide(_ request: DecisionRequest) throws -> Decided {
        guard let article = try article(request.file), article.path == request.file else {
            throw APIError(.notFound, "no article \(request.file)")
        }
        guard let action = ResultAction(rawValue: request.action) else {
            throw APIError(.badRequest, "action must be accept, correct, reject or add")
        }
        var stage: Stage?
        if let name = request.stage, !name.isEmpty {
            guard let parsed = Stage(rawValue: name) else {
                throw APIError(
                    .badRequest, "stage must be one of \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            stage = parsed
        }
        if let position = request.position, !(1...99).contains(position) {
            throw APIError(.badRequest, "position must be 1 to 99")
        }
        for field in [request.driver, request.event, request.raceClass] {
            if let field, field.count > Self.maximumField {
                throw APIError(.contentTooLarge, "a field longer than \(Self.maximumField) characters")
            }
        }
        let driver = request.driver.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let event = request.event.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        let raceClass = request.raceClass.flatMap { $0.isEmpty ? nil : $0 }
        let decision: ResultDecision
        if action == .add {
            let evidence = try self.evidence(request.from, request.to, in: article)
            decision = ResultDecision(
                path: article.path, result: "", action: .add, driver: driver, stage: stage, position: request.position,
                event: event, raceClass: raceClass, evidence: evidence)
        } else {
            guard let key = request.key, let index = article.keys.firstIndex(of: key) else {
                throw APIError(.notFound, "no result \(request.key ?? "") in \(article.path)")
            }
            let corrects = action == .correct
            decision = ResultDecision(
                path: article.path, result: key, action: action, driver: corrects ? driver : nil,
                stage: corrects ? stage : nil, position: corrects ? request.position : nil,
                event: corrects ? event : nil, raceClass: corrects ? raceClass : nil,
                cue: article.record.results[index].cue)
        }
        if let problem = decision.problem { throw APIError(.badRequest, problem) }
        try store.recordResult(decision)
        return Decided(key: decision.result)
    }

    struct DriverRequest: Decodable {
        var name: String
        var id: String?
        var nationality: String?
        var aliases: [String]?
    }

    struct AddedDriver: Encodable {
        var id: String
        var file: String
        /// The YAML appended.
        var entry: String
        /// Decisions moved to the result keys the driver's id gives (`rekeyResults`).
        var moved: Int
        /// Whether the results view now reads the articles with the new driver; flags are
        /// re-linted only when `rxtext review` restarts.
        var reloaded: Bool
        var note: String
    }

    /// `POST /api/glossary/drivers`: a driver confirmed in review, appended to the house glossary
    /// the configuration names and validated with every glossary; then the decisions on the
    /// driver's results follow its new key and the articles are read again with it.
    func addDriver(_ request: DriverRequest) throws -> AddedDriver {
        guard let house else { throw APIError(.notFound, "this review cannot add to a glossary") }
        guard (request.aliases ?? []).count <= 20 else { throw APIError(.badRequest, "at most 20 aliases") }
        let driver = HouseGlossary.NewDriver(
            id: request.id, name: request.name, nationality: request.nationality, aliases: request.aliases ?? [])
        let added: HouseGlossary.Added
        do {
            added = try house.add(driver)
        } catch {
            throw APIError(error.isConflict ? .conflict : .badRequest, error.description)
        }
        let moved = try store.rekeyResults(named: [driver.name] + driver.aliases, to: driver.id)
        var reloaded = false
        var note = "flags are linted with the new driver when rxtext review restarts"
        if let reload {
            do {
                let engine = try reload()
                let articles = Self.read(documents, root: store.root, engine: engine)
                state.withLock { $0 = articles }
                reloaded = true
            } catch {
                note = "the results view reads it when rxtext review restarts (\(error))"
            }
        }
        return AddedDriver(
            id: added.id, file: added.file, entry: added.entry, moved: moved, reloaded: reloaded, note: note)
    }

    struct Season: Encodable {
        var driver: String
        var season: Int
        var championship: String?
        var verified: Int
        var unverified: Int
        var label: String
        /// The chart as SVG markup, every text in it escaped.
        var svg: String
    }

    struct Seasons: Encodable {
        var seasons: [Season]
    }

    /// `GET /api/seasons`: each driver's season across the reviewed articles as a timeline of
    /// final positions per round, verified results solid and the rest hollow.
    func seasons() throws -> Seasons {
        let (list, glossary) = state.withLock { ($0.list, $0.glossary) }
        let decisions = try store.resultDecisionSet()
        let sources = list.map { article in
            let decided = decisions.decided(article.record, path: article.document.path, glossary: glossary)
            return SeasonTimelines.Source(record: decided.record, actions: decided.actions)
        }
        return Seasons(
            seasons: SeasonTimelines.build(sources).map { chart in
                Season(
                    driver: chart.driver, season: chart.season, championship: chart.championship,
                    verified: chart.points.filter(\.verified).count,
                    unverified: chart.points.filter { !$0.verified }.count, label: chart.label, svg: chart.render())
            })
    }

    private func article(_ file: String?) throws -> Article? {
        let (list, index) = state.withLock { ($0.list, $0.index) }
        guard let file, !file.isEmpty else { return list.first }
        guard let position = index[file] else { throw APIError(.notFound, "no article \(file)") }
        return list[position]
    }

    private func view(
        _ result: RaceRecord.Result, key: String, decision: ResultDecision?, in article: Article, glossary: Glossary
    ) -> ResultView {
        // The driver as the editor left it: a corrected name is the one to add.
        let name = decision?.action == .correct ? decision?.driver ?? result.driver : result.driver
        let folded = ICU.fold(name)
        let known =
            name == result.driver && result.driverID != nil
            || glossary.drivers.contains {
                ICU.fold($0.name) == folded || $0.aliases.contains { ICU.fold($0) == folded }
            }
        let entry =
            known || decision?.action == .reject
            ? nil
            : GlossaryEntry(
                id: GlossarySuggestions.id(for: name), name: name, nationality: article.nationalities[folded])
        return ResultView(
            key: key, driver: result.driver, driverID: result.driverID, season: result.season, event: result.event,
            raceClass: result.raceClass, stage: result.stage, position: result.position,
            outcome: result.outcome?.rawValue, cue: result.cue, confidence: result.confidence,
            from: utf16Offset(ofByte: result.evidence.start, in: article),
            to: utf16Offset(ofByte: result.evidence.end, in: article), evidence: result.evidence.text,
            decision: decision.map {
                DecisionView(
                    action: $0.action, driver: $0.driver, stage: $0.stage, position: $0.position, event: $0.event,
                    raceClass: $0.raceClass, decidedAt: $0.decidedAt)
            }, glossaryEntry: entry)
    }

    private func utf16Offset(ofByte offset: Int, in article: Article) -> Int {
        let bytes = article.document.bytes
        return String(decoding: bytes[0..<min(max(0, offset), bytes.count)], as: UTF8.self).utf16.count
    }

    /// The selected words as byte offsets and text, checked against the article.
    private func evidence(_ from: Int?, _ to: Int?, in article: Article) throws -> RaceRecord.Evidence {
        let utf16 = article.text.utf16
        guard let from, let to, 0 <= from, from < to, to <= utf16.count else {
            throw APIError(.badRequest, "add needs the selected words (from < to within the article)")
        }
        guard to - from <= Self.maximumEvidence else {
            throw APIError(.contentTooLarge, "a selection longer than \(Self.maximumEvidence) characters")
        }
        guard let start = String.Index(utf16.index(utf16.startIndex, offsetBy: from), within: article.text),
            let end = String.Index(utf16.index(utf16.startIndex, offsetBy: to), within: article.text)
        else { throw APIError(.badRequest, "the selection splits a character") }
        return .span(start: article.text[..<start].utf8.count, text: String(article.text[start..<end]))
    }
}
