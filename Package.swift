// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "rxtext",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RXText", targets: ["RXText"]),
        .library(name: "RXReview", targets: ["RXReview"]),
        .library(name: "RXLanguageServer", targets: ["RXLanguageServer"]),
        .executable(name: "rxtext", targets: ["rxtext"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in Hummingbird's graph; named because RXReview imports them directly.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        // SHA-256 for fingerprints and `source.sha256` (BoringSSL's rounds, SHA extensions included);
        // already in Hummingbird's graph.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // ICU as the system provides it: pkg-config discovery and the apt install hint.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        // A C shim with version-independent names; its public header includes no ICU header,
        // so Swift never sees ICU's types next to Foundation's private copy of ICU.
        .target(
            name: "CRXICU",
            dependencies: ["CICU"],
            // pkg-config's icu-uc brings icuuc; the spoof checker lives in icui18n.
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
        ),
        // libvoikko (Finnish morphology) found with pkg-config, with the apt install hint; nothing
        // links against it: RXText opens libvoikko.so.1 at run time, so rxtext builds and runs
        // without it and only the checks that need it are off.
        .systemLibrary(
            name: "CVoikko",
            pkgConfig: "libvoikko",
            providers: [.apt(["libvoikko-dev", "voikko-fi"]), .brew(["libvoikko"])]
        ),
        .target(
            name: "RXText",
            dependencies: [
                "CRXICU", "CVoikko", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The system's SQLite for the review decisions: pkg-config discovery and the apt install hint.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The review page and the HTML report are JS, CSS and HTML files in Sources/RXReview/Page,
        // compiled into the binary as string constants (PageResources) by the EmbedResources plugin:
        // no resource bundle, so an installed `rxtext` is one file.
        .target(
            name: "RXReview",
            dependencies: [
                "RXText", "CSQLite", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Page"],
            plugins: ["EmbedResources"]
        ),
        .executableTarget(name: "ResourceEmbedder"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),
        // `rxtext lsp`: the Language Server Protocol over stdio, on RXText's pipeline and RXReview's
        // decision store.
        .target(name: "RXLanguageServer", dependencies: ["RXText", "RXReview"]),
        .executableTarget(
            name: "rxtext",
            dependencies: [
                "RXText", "RXReview", "RXLanguageServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers both test targets use: running a built program and collecting its output.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "RXTextTests",
            dependencies: ["RXText", "rxtext", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RXReviewTests", dependencies: ["RXReview", "RXText", "rxtext", "TestSupport"]),
        .testTarget(
            name: "RXLanguageServerTests", dependencies: ["RXLanguageServer", "RXReview", "RXText", "rxtext", "TestSupport"]),
    ]
)
