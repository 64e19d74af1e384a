// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kefu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kefu", targets: ["kefu"]),
        .library(name: "Segmentation", targets: ["Segmentation"]),
        .library(name: "Entities", targets: ["Entities"]),
        .library(name: "IntentMatching", targets: ["IntentMatching"]),
        .library(name: "BotDefinition", targets: ["BotDefinition"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Retrieval", targets: ["Retrieval"]),
        .library(name: "Dialogue", targets: ["Dialogue"]),
        .library(name: "ChatEngine", targets: ["ChatEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.9.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
    ],
    targets: [
        .target(name: "ChatCore"),
        .target(
            name: "Segmentation",
            dependencies: ["ChatCore"],
            resources: [.copy("Resources/jieba.kefudict"), .copy("Resources/LICENSE-jieba.txt")]
        ),
        .target(name: "Entities", dependencies: ["ChatCore"]),
        .target(name: "IntentMatching", dependencies: ["ChatCore", "Segmentation"]),
        .target(name: "Learning"),
        .target(name: "Retrieval", dependencies: ["ChatCore", "Segmentation", "Learning"]),
        .target(
            name: "BotDefinition",
            dependencies: ["ChatCore", "Segmentation", "Entities", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Dialogue", dependencies: ["ChatCore", "BotDefinition"]),
        .target(name: "Privacy", dependencies: ["ChatCore"]),
        .target(
            name: "ChatEngine",
            dependencies: ["ChatCore", "Segmentation", "Entities", "IntentMatching", "BotDefinition", "Retrieval", "Learning", "Dialogue", "Privacy"]
        ),
        .target(
            name: "Transcripts",
            dependencies: ["ChatCore", "ChatEngine", "Dialogue", "Entities", "Privacy", "BotDefinition", "Learning", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Analytics",
            dependencies: ["ChatCore", "Transcripts", "Segmentation", "Learning", "ChatEngine", "Dialogue", "Entities", "BotDefinition", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "ChatREPL", dependencies: ["ChatCore", "ChatEngine", "Dialogue", "BotDefinition", "Entities", "Transcripts", "Privacy", "CReadline"]),
        .target(
            name: "SessionStorage",
            dependencies: ["ChatCore", "ChatEngine", "Dialogue", "Privacy", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "PostgresStore",
            dependencies: ["SessionStorage", "ChatCore", "ChatEngine", "Dialogue", "Privacy", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "ChatStdio", dependencies: ["ChatCore", "ChatEngine", "Dialogue", "Entities", "Transcripts", "Privacy", "SessionStorage"]),
        .target(
            name: "ChatService",
            dependencies: ["ChatCore", "ChatEngine", "Dialogue", "Entities", "ChatStdio", "SessionStorage", "Transcripts", "Privacy",
                           .product(name: "Metrics", package: "swift-metrics")]
        ),
        .target(
            name: "ChatHTTP",
            dependencies: [
                "ChatCore", "ChatEngine", "Dialogue", "Entities", "ChatStdio", "SessionStorage", "ChatService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Pages")]
        ),
        .target(
            name: "AgentTerminal",
            dependencies: [
                "ChatCore", "ChatREPL", "CReadline",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kefu",
            dependencies: [
                "ChatCore", "Segmentation", "Entities", "IntentMatching", "BotDefinition", "ChatEngine", "Learning", "Retrieval",
                "Dialogue", "ChatREPL", "ChatStdio", "SessionStorage", "PostgresStore", "Transcripts", "Privacy", "Analytics", "ChatService", "ChatHTTP", "AgentTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(name: "KefuTestSupport", path: "Tests/KefuTestSupport"),
        .target(name: "StoreConformance", dependencies: ["SessionStorage", "ChatCore", "Dialogue"], path: "Tests/StoreConformance"),
        .testTarget(name: "ChatCoreTests", dependencies: ["ChatCore"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "KefuTestSupport"]),
        .testTarget(name: "RetrievalTests", dependencies: ["Retrieval", "Learning", "ChatCore", "Segmentation", "KefuTestSupport"]),
        .testTarget(name: "ChatEngineTests", dependencies: ["ChatEngine", "BotDefinition", "Entities", "ChatCore", "Dialogue", "KefuTestSupport"]),
        .testTarget(
            name: "TranscriptsTests",
            dependencies: ["Transcripts", "BotDefinition", "ChatEngine", "Dialogue", "ChatCore", "Entities", "Privacy", "ChatREPL", "KefuTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "PrivacyTests", dependencies: ["Privacy", "ChatCore", "KefuTestSupport"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "SessionStorage", "Transcripts", "ChatCore", "Segmentation", "ChatEngine", "KefuTestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "BotDefinition", "ChatCore", "KefuTestSupport"]),
        .testTarget(
            name: "ChatREPLTests",
            dependencies: ["ChatREPL", "ChatEngine", "Dialogue", "ChatCore", "Entities", "Transcripts", "KefuTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: ["PostgresStore", "SessionStorage", "StoreConformance", "ChatService", "ChatEngine", "ChatCore", "Dialogue", "KefuTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "SessionStorageTests", dependencies: ["SessionStorage", "StoreConformance", "ChatCore", "Dialogue", "KefuTestSupport"]),
        .testTarget(name: "ChatStdioTests", dependencies: ["ChatStdio", "SessionStorage", "ChatEngine", "Dialogue", "ChatCore", "KefuTestSupport"]),
        .testTarget(name: "ChatServiceTests", dependencies: ["ChatService", "ChatStdio", "SessionStorage", "ChatEngine", "Dialogue", "ChatCore", "Entities", "Transcripts", "KefuTestSupport"]),
        .testTarget(
            name: "ChatHTTPTests",
            dependencies: [
                "ChatHTTP", "ChatService", "ChatStdio", "ChatEngine", "ChatCore", "SessionStorage", "AgentTerminal", "KefuTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
            ]
        ),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "ChatCore", "KefuTestSupport"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "ChatCore", "Segmentation", "KefuTestSupport"]),
        .testTarget(name: "IntentMatchingTests", dependencies: ["IntentMatching", "ChatCore", "Segmentation", "KefuTestSupport"]),
        .testTarget(name: "BotDefinitionTests", dependencies: ["BotDefinition", "Entities", "ChatCore", "KefuTestSupport"]),
    ]
)
