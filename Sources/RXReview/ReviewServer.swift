import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The review server: loopback only, a random token on every request, the page and the JSON API
/// and nothing else (no file is ever served, so nothing outside the reviewed files can leak).
public struct ReviewServer: Sendable {
    public let api: ReviewAPI
    /// The results view's API (`ResultsAPI`), when the review reads records too.
    public let results: ResultsAPI?
    public let token: String

    public init(api: ReviewAPI, results: ResultsAPI? = nil, token: String = ReviewServer.makeToken()) {
        self.api = api
        self.results = results
        self.token = token
    }

    /// 128 bits from the system's generator, as hex: safe in a URL, unguessable by a page on
    /// another origin.
    public static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A connection that sends nothing for this long is closed, one that never finishes its
    /// headers included: otherwise a few hundred of them are held open for ever (issue 21).
    static let idleTimeout: TimeAmount = .seconds(10)

    /// Serves until SIGINT or SIGTERM. `onListening` gets the bound port (useful with port 0).
    public func run(port: Int, onListening: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "rxtext.review")
        logger.logLevel = .error
        let bound = BoundPort()
        let app = Application(
            responder: ReviewResponder(api: api, results: results, token: token, port: bound),
            server: .closingHTTP1(configuration: .init(idleTimeout: Self.idleTimeout)),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                let listening = channel.localAddress?.port ?? port
                bound.set(listening)
                await onListening(listening)
            },
            logger: logger)
        try await app.runService()
    }
}

/// Routes by method and exact path. Every request is checked for the token first; every error,
/// expected or not, becomes a JSON response rather than a dropped connection.
struct ReviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let api: ReviewAPI
    let results: ResultsAPI?
    let token: String
    let port: BoundPort
    static let maximumBody = 64 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        do {
            // Before the token: a page on a rebound name must not learn even that it is wrong.
            let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!]
            guard RequestChecks.isOwnHost(host, port: port.port) else {
                throw APIError(.misdirectedRequest, "this server answers only 127.0.0.1 and localhost")
            }
            if request.method == .post,
                !RequestChecks.isOwnOrigin(request.headers[HTTPField.Name("Origin")!], port: port.port)
            {
                throw APIError(.forbidden, "cross-origin request refused")
            }
            try checkToken(request)
            return try await route(request)
        } catch let error as APIError {
            return json(ErrorBody(error: error.message), status: .init(code: error.status.rawValue))
        } catch let error as HTTPError {
            return json(ErrorBody(error: error.body ?? "bad request"), status: error.status)
        } catch {
            return json(ErrorBody(error: "internal error: \(error)"), status: .internalServerError)
        }
    }

    private func route(_ request: Request) async throws -> Response {
        let path = request.uri.path
        // Read as a form: the page's URLSearchParams writes a space in a file name as '+'.
        let query = RequestChecks.formParameters(request.uri.query)
        switch (request.method, path) {
        case (.get, "/"), (.head, "/"):
            return page()
        case (.get, "/api/flags"):
            return json(try api.flags(ReviewAPI.FlagQuery(parameters: query)))
        case (.get, "/api/summary"):
            return json(try api.summary())
        case (.post, "/api/decisions"):
            let body = try await collect(request)
            let decision: ReviewAPI.DecisionRequest
            do {
                decision = try JSONDecoder().decode(ReviewAPI.DecisionRequest.self, from: body)
            } catch {
                throw APIError(.badRequest, "expected {\"key\", \"action\", \"replacement\"?} as JSON")
            }
            return json(try api.decide(decision))
        case (.post, "/api/undo"):
            return json(try api.undo())
        case (.get, "/api/results"):
            return json(try resultsAPI().results(file: query["file"]))
        case (.post, "/api/result-decisions"):
            let body = try await collect(request)
            let decision: ResultsAPI.DecisionRequest
            do {
                decision = try JSONDecoder().decode(ResultsAPI.DecisionRequest.self, from: body)
            } catch {
                throw APIError(.badRequest, "expected {\"file\", \"key\", \"action\", ...} as JSON")
            }
            return json(try resultsAPI().decide(decision))
        case (.post, "/api/glossary/drivers"):
            let body = try await collect(request)
            let driver: ResultsAPI.DriverRequest
            do {
                driver = try JSONDecoder().decode(ResultsAPI.DriverRequest.self, from: body)
            } catch {
                throw APIError(.badRequest, "expected {\"name\", \"id\"?, \"nationality\"?, \"aliases\"?} as JSON")
            }
            return json(try resultsAPI().addDriver(driver))
        case (.get, "/api/seasons"):
            return json(try resultsAPI().seasons())
        case (_, "/"), (_, "/api/flags"), (_, "/api/summary"), (_, "/api/decisions"), (_, "/api/undo"),
            (_, "/api/results"), (_, "/api/result-decisions"), (_, "/api/glossary/drivers"), (_, "/api/seasons"):
            throw APIError(.methodNotAllowed, "\(request.method) not allowed on \(path)")
        default:
            throw APIError(.notFound, "not found")
        }
    }

    private func resultsAPI() throws -> ResultsAPI {
        guard let results else { throw APIError(.notFound, "this review has no results view") }
        return results
    }

    /// The token in the query (the printed URL) or the `X-RXText-Token` header (the page's
    /// API calls); compared in constant time.
    private func checkToken(_ request: Request) throws {
        let header = HTTPField.Name("X-RXText-Token")!
        let given = request.headers[header] ?? request.uri.queryParameters["token"].map(String.init) ?? ""
        let expected = Array(token.utf8)
        let actual = Array(given.utf8)
        var difference = UInt8(expected.count == actual.count ? 0 : 1)
        for (index, byte) in expected.enumerated() { difference |= byte ^ (index < actual.count ? actual[index] : 0) }
        guard difference == 0 else { throw APIError(.forbidden, "missing or wrong token: open the URL rxtext printed") }
    }

    private func collect(_ request: Request) async throws -> Data {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: Self.maximumBody)
            return Data(buffer.readableBytesView)
        } catch {
            throw APIError(.contentTooLarge, "request body over \(Self.maximumBody) bytes")
        }
    }

    private func page() -> Response {
        let nonce = ReviewServer.makeToken()
        var headers = Self.commonHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'nonce-\(nonce)'; style-src 'nonce-\(nonce)'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: ReviewPage.html(nonce: nonce))))
    }

    private struct ErrorBody: Encodable {
        var error: String
    }

    private func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{\"error\":\"encoding failed\"}".utf8)
        var headers = Self.commonHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The token travels in the URL: no referrer may carry it away, and nothing may be cached.
    private static let commonHeaders: HTTPFields = [
        .cacheControl: "no-store", HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
    ]
}
