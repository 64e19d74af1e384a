// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kefu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kefu", targets: ["kefu"]),
        .library(name: "Segmentation", targets: ["Segmentation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "ChatCore"),
        .target(
            name: "Segmentation",
            dependencies: ["ChatCore"],
            resources: [.copy("Resources/jieba.kefudict"), .copy("Resources/LICENSE-jieba.txt")]
        ),
        .executableTarget(
            name: "kefu",
            dependencies: [
                "ChatCore", "Segmentation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "ChatCore"]),
    ]
)
