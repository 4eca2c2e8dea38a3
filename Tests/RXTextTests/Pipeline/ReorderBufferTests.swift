import Foundation
import Testing

@testable import RXText

/// Reports finished in any order, on any thread, are delivered in file order, whole files without
/// waking the deliverer and huge files' parts with it (their worker waits for parts to be taken).
@Suite struct ReorderBufferTests {
    @Test func reportsFinishedInAnyOrderAreTakenInFileOrder() {
        let count = 300
        let buffer = ReorderBuffer(count: count)
        let order = (0..<count).shuffled()
        // Appended on four threads while this one takes: `take` waits for most of them.
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                for index in stride(from: worker, to: count, by: 4) {
                    if index % 7 == 0 { usleep(200) }
                    let report = FileReport(path: "f\(order[index])", document: nil, flags: [], error: nil)
                    buffer.append(order[index], (report, nil))
                }
            }
        }
        let taken = (0..<count).compactMap { buffer.take($0)?.0.path }
        #expect(taken == (0..<count).map { "f\($0)" })
    }

    @Test func aHugeFilesPartsAreTakenAsTheyComeWhileItsWorkerWaits() {
        let parts = 3 * ReorderBuffer.maximumParts
        let buffer = ReorderBuffer(count: 3)
        let worker = Thread {
            buffer.append(0, (FileReport(path: "small", document: nil, flags: [], error: nil), nil))
            for part in 0..<parts {
                var report = FileReport(path: "huge \(part)", document: nil, flags: [], error: nil)
                report.isFirstPart = part == 0
                report.isLastPart = part == parts - 1
                // Beyond `maximumParts` waiting parts this blocks until the deliverer takes one.
                buffer.append(1, (report, nil))
            }
            buffer.append(2, (FileReport(path: "last", document: nil, flags: [], error: nil), nil))
        }
        worker.start()
        var taken: [String] = []
        for index in 0..<3 {
            while let (report, _) = buffer.take(index) {
                taken.append(report.path)
                if report.isLastPart { break }
            }
        }
        #expect(taken == ["small"] + (0..<parts).map { "huge \($0)" } + ["last"])
    }
}
