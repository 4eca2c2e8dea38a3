import Foundation
import NIOCore

/// What went wrong starting the review server, in words a user can act on, instead of NIO's
/// `bind(descriptor:ptr:bytes:)`.
public enum ServerStartError {
    /// The port was taken by another program (EADDRINUSE from bind).
    public static func isAddressInUse(_ error: any Error) -> Bool {
        (error as? IOError)?.errnoCode == EADDRINUSE
    }
}
