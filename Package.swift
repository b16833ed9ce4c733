// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cse", targets: ["cse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "Workspace",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Stats"),
        .target(name: "Scoring", dependencies: ["Workspace", "Stats", .product(name: "Yams", package: "Yams")]),
        .target(name: "Playbooks", dependencies: ["Workspace", "Scoring"]),
        .target(name: "Drafting", dependencies: ["Workspace", "Scoring", "Playbooks", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Charts"),
        .target(name: "Pages", dependencies: ["Charts", "Workspace", "Scoring", "Playbooks"]),
        .target(name: "Intents", dependencies: ["Workspace"]),
        .target(name: "Shell", dependencies: ["CEditLine", "Workspace", "Scoring", "Intents"]),
        .target(
            name: "Commands",
            dependencies: ["Workspace", "Stats", "Scoring", "Playbooks", "Drafting", "Charts", "Pages", "Intents", "Shell"],
            path: "commands"
        ),
        .executableTarget(
            name: "cse",
            dependencies: [
                "Commands", "Shell", "Workspace", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // bench/read: the time to read a line and to complete a name, on a workspace of any size.
        .executableTarget(name: "cse-bench-read", dependencies: ["Commands", "Shell", "Intents", "Workspace"], path: "bench/read"),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Workspace"]),
        .testTarget(name: "PlaybooksTests", dependencies: ["Playbooks", "Scoring", "Workspace"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "IntentsTests", dependencies: ["Intents", "Workspace"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Workspace"]),
        .testTarget(name: "CommandLineTests"),
        // Property-based fuzzing of the parser and every importer (Swift Testing).
        .testTarget(
            name: "FuzzTests",
            dependencies: ["Commands", "Shell", "Workspace", "Intents", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "CommandsTests",
            dependencies: ["Commands", "Shell", "Workspace", "Scoring", "Intents", "Drafting", "Pages"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
