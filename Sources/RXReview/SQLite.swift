import CSQLite
import Foundation

/// An SQLite error with the library's own message, which names the table, column or constraint.
public struct SQLiteError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var description: String { "SQLite error \(code): \(message)" }
}

/// One connection, used from one thread at a time: callers serialise access (the store does, with
/// a lock). Every value goes through bound parameters; SQL text is never built from data.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            handle = nil
            throw SQLiteError(code: status, message: "\(path): \(message)")
        }
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        guard status == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw SQLiteError(code: status, message: message)
        }
    }

    /// Runs one statement with parameters, returning its rows.
    @discardableResult
    func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        let statement = try Statement(database: self, sql: sql)
        try statement.bind(parameters)
        return try statement.rows()
    }

    /// All or nothing: `body` runs in an immediate transaction, committed when it returns and rolled
    /// back when it throws. A commit under `synchronous=FULL` has reached the disk.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    fileprivate var pointer: OpaquePointer? { handle }
    fileprivate var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

enum SQLiteValue: Equatable {
    case null
    case int(Int64)
    case real(Double)
    case text(String)

    var string: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    var int: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    var double: Double? {
        switch self {
        case .real(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }

    init(_ string: String?) {
        self = string.map { .text($0) } ?? .null
    }
}

/// A prepared statement, finalized when released.
private final class Statement {
    private var handle: OpaquePointer?
    private let database: SQLiteDatabase
    /// SQLITE_TRANSIENT: SQLite copies bound text before `bind` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(database: SQLiteDatabase, sql: String) throws {
        self.database = database
        let status = sqlite3_prepare_v2(database.pointer, sql, -1, &handle, nil)
        guard status == SQLITE_OK else { throw SQLiteError(code: status, message: database.lastMessage) }
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ parameters: [SQLiteValue]) throws {
        for (offset, value) in parameters.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, index)
            case .int(let number): status = sqlite3_bind_int64(handle, index, number)
            case .real(let number): status = sqlite3_bind_double(handle, index, number)
            case .text(let text): status = sqlite3_bind_text(handle, index, text, -1, Self.transient)
            }
            guard status == SQLITE_OK else { throw SQLiteError(code: status, message: database.lastMessage) }
        }
    }

    func rows() throws -> [[SQLiteValue]] {
        var rows: [[SQLiteValue]] = []
        while true {
            let status = sqlite3_step(handle)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw SQLiteError(code: status, message: database.lastMessage) }
            let columns = sqlite3_column_count(handle)
            rows.append(
                (0..<columns).map { column in
                    switch sqlite3_column_type(handle, column) {
                    case SQLITE_NULL: return .null
                    case SQLITE_INTEGER: return .int(sqlite3_column_int64(handle, column))
                    case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
                    default: return .text(String(cString: sqlite3_column_text(handle, column)))
                    }
                })
        }
    }
}
