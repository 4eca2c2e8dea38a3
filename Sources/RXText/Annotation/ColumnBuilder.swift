/// A column (tokens, traits, ids) filled one entry at a time by the annotator, then handed over as
/// an array.
///
/// Every token of a run is appended to three or four columns. An `Array` checks at each append
/// that its buffer is not shared, a call into the runtime; this owns its storage outright, so an
/// append is a capacity check and a store.
struct ColumnBuilder<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "column index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "column index out of range")
            base[index] = newValue
        }
    }

    mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// The entries from `start` on, for reading while nothing is appended.
    func withEntries<Result>(from start: Int, _ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        precondition(start >= 0 && start <= count, "column index out of range")
        return body(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// The entries as an array (one copy).
    func array() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
