// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kefu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kefu", targets: ["kefu"]),
        .library(name: "Segmentation", targets: ["Segmentation"]),
        .library(name: "Entities", targets: ["Entities"]),
        .library(name: "IntentMatching", targets: ["IntentMatching"]),
        .library(name: "BotDefinition", targets: ["BotDefinition"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Retrieval", targets: ["Retrieval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
        .target(name: "ChatEngine", dependencies: ["ChatCore", "Segmentation", "Entities", "IntentMatching", "BotDefinition"]),
        .executableTarget(
            name: "kefu",
            dependencies: [
                "ChatCore", "Segmentation", "Entities", "IntentMatching", "BotDefinition", "ChatEngine", "Learning", "Retrieval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "KefuTestSupport", path: "Tests/KefuTestSupport"),
        .testTarget(name: "ChatCoreTests", dependencies: ["ChatCore"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "KefuTestSupport"]),
        .testTarget(name: "RetrievalTests", dependencies: ["Retrieval", "Learning", "ChatCore", "Segmentation", "KefuTestSupport"]),
        .testTarget(name: "ChatEngineTests", dependencies: ["ChatEngine", "BotDefinition", "Entities", "ChatCore", "KefuTestSupport"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "ChatCore", "KefuTestSupport"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "ChatCore", "Segmentation", "KefuTestSupport"]),
        .testTarget(name: "IntentMatchingTests", dependencies: ["IntentMatching", "ChatCore", "Segmentation", "KefuTestSupport"]),
        .testTarget(name: "BotDefinitionTests", dependencies: ["BotDefinition", "Entities", "ChatCore", "KefuTestSupport"]),
    ]
)
