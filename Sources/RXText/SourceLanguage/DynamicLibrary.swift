#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A shared library opened at run time (`dlopen`), for the optional language tools: rxtext
/// neither links against them nor needs their headers to build. Opened once per process and
/// never closed (the functions taken from it live as long as the process).
final class DynamicLibrary: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    /// The name the library was opened by.
    let name: String

    /// The first of `names` that opens; nil, with `dlerror`'s text in `failure`, when none does.
    init?(_ names: [String], failure: inout String) {
        for name in names {
            if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                self.handle = handle
                self.name = name
                return
            }
            if let error = dlerror() { failure = String(cString: error) }
        }
        return nil
    }

    /// The function `symbol` as the C function type `T` (an `@convention(c)` type, declared to
    /// match the library's header); nil when the library has no such symbol.
    func function<T>(_ symbol: String, as type: T.Type) -> T? {
        guard let address = dlsym(handle, symbol) else { return nil }
        return unsafeBitCast(address, to: type)
    }
}
