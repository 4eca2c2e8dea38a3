/// Nouns for a person of a nationality that are not the country's adjective ("the Finn", "the
/// Swede"): the glossary's `adjectives` cover "the Norwegian", "the Latvian".
enum Demonyms {
    /// Folded noun -> ISO 3166-1 alpha-3.
    static let nouns: [String: String] = [
        "finn": "FIN", "finns": "FIN", "swede": "SWE", "swedes": "SWE", "dane": "DNK", "danes": "DNK",
        "brit": "GBR", "briton": "GBR", "englishman": "GBR", "scot": "GBR", "scotsman": "GBR", "welshman": "GBR",
        "irishman": "IRL", "frenchman": "FRA", "pole": "POL", "dutchman": "NLD", "spaniard": "ESP",
        "swiss": "CHE", "czech": "CZE", "turk": "TUR", "kiwi": "NZL", "yank": "USA",
    ]
}
