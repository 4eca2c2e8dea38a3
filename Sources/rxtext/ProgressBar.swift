import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// "███░░ 139/1200 files, 3.4 MB/s" on standard error for people at a terminal, redrawn at most
/// ten times a second; for one huge file, the bytes done ("12.0/50.0 MB"), which advance as its
/// parts are reported. When standard output is the same terminal a report line written while the
/// bar is up would be glued to it, so `printing` clears the bar first and draws it again under
/// the line, as cargo and ninja do.
final class ProgressBar {
    private let totalFiles: Int
    private let totalBytes: Int
    private var files = 0
    /// Bytes of the files finished.
    private var bytes = 0
    /// Bytes done of the file in progress (its reported parts).
    private var partBytes = 0
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private let enabled: Bool
    /// Whether the bar is on the screen now (drawn and not cleared).
    private var visible = false
    private let sharesTerminal = isatty(1) == 1

    /// `files` to be linted; a single file shows progress only when it is huge (linted in parts).
    init(files paths: [String], hugeFileBytes: Int) {
        totalFiles = paths.count
        let interactive = Terminal.isInteractive
        totalBytes = interactive ? paths.reduce(0) { $0 + Self.size(of: $1) } : 0
        enabled = interactive && (paths.count > 1 || totalBytes > hugeFileBytes)
    }

    /// A file is done (its last part was reported).
    func advance(bytes fileBytes: Int) {
        files += 1
        bytes += fileBytes
        partBytes = 0
        draw(force: files == totalFiles)
    }

    /// A part of a huge file was reported: `offset` bytes of the file are done.
    func advance(partThrough offset: Int) {
        partBytes = offset
        draw(force: false)
    }

    /// Runs `write`, which prints report lines, with the bar cleared, then flushes them with
    /// `flush` and draws the bar again below them.
    func printing(flush: () -> Void, _ write: () -> Void) {
        guard visible && sharesTerminal else { return write() }
        erase()
        write()
        flush()
        draw(force: true)
    }

    func finish() {
        if visible { erase() }
    }

    private func erase() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        visible = false
    }

    private func draw(force: Bool) {
        guard enabled, force || Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = Date()
        let done = bytes + partBytes
        let seconds = max(0.001, Date().timeIntervalSince(started))
        let rate = String(format: "%.1f MB/s", Double(done) / seconds / 1_000_000)
        let width = 30
        let fraction =
            totalFiles == 1
            ? (totalBytes > 0 ? Double(min(done, totalBytes)) / Double(totalBytes) : 0)
            : (totalFiles > 0 ? Double(files) / Double(totalFiles) : 1)
        let filled = Int(Double(width) * fraction)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let count =
            totalFiles == 1
            ? String(format: "%.1f/%.1f MB", Double(done) / 1_000_000, Double(totalBytes) / 1_000_000)
            : "\(files)/\(totalFiles) files"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(count), \(rate)".utf8))
        visible = true
    }

    private static func size(of path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }
}
