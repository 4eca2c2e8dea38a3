// swift-tools-version: 6.0
// libFuzzer targets for rxtext, kept out of the main package's default build.
// Build and run them with ./run.sh (see docs/hostile-input.md, "Fuzzing and sanitizers").
import PackageDescription

let package = Package(
    name: "rxtext-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "rxtext", path: "..")],
    targets: [
        // The libFuzzer entry every target hands its callback to.
        .target(name: "FuzzDriver"),
        // The shipped glossaries compiled once, for the targets that lint; the windows targets' input.
        .target(name: "FuzzLexicon", dependencies: [.product(name: "RXText", package: "rxtext")]),
        // bytes -> Document -> annotate -> lint -> clean -> record -> JSON.
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: ["FuzzDriver", "FuzzLexicon", .product(name: "RXText", package: "rxtext")]
        ),
        // bytes -> UTF-8 YAML -> GlossaryLoader (with a minimal countries file) -> Lexicon.
        .executableTarget(
            name: "FuzzGlossary", dependencies: ["FuzzDriver", .product(name: "RXText", package: "rxtext")]
        ),
        // bytes -> a file read in small windows -> lint; every flag must point at the file.
        .executableTarget(
            name: "FuzzWindows",
            dependencies: ["FuzzDriver", "FuzzLexicon", .product(name: "RXText", package: "rxtext")]
        ),
        // bytes -> a file linted whole and in small windows; the flags must be the same.
        .executableTarget(
            name: "FuzzEquivalence",
            dependencies: ["FuzzDriver", "FuzzLexicon", .product(name: "RXText", package: "rxtext")]
        ),
    ]
)
