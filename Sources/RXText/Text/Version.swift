/// rxtext's own version, printed by `rxtext --version` beside ICU's.
public enum RXTextVersion {
    public static let current = "0.1.0"
}
