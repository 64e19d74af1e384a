import BotDefinition
import ChatEngine
import Foundation
import Segmentation

/// The segmenter `kefu mine` cuts lines with: the bot's (the shipped dictionary plus
/// `knowledge-base/dictionary.txt`), so its own words (退货运费险) stay whole, or the shipped one
/// when the folder is not a bot. Reads the bot folder only; trains nothing.
public enum BotSegmenter {
    /// The bot's segmenter, or the shipped one when `folder` has no `intents/`, `knowledge-base/` or `bot.yml`.
    /// - Throws: `AnalyticsError` when the folder is a bot with errors or the dictionary is missing.
    public static func load(botFolder folder: String) throws(AnalyticsError) -> Segmenter {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw AnalyticsError("the bot folder '\(folder)' does not exist; give --bot a bot folder")
        }
        let markers = ["intents", "knowledge-base", "bot.yml"]
        let isBot = markers.contains { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
        do {
            guard isBot else { return try Segmenter.shipped() }
            return try LanguageUnderstanding.segmenter(for: try Bot.load(from: folder))
        } catch {
            throw AnalyticsError("cannot build the segmenter of the bot folder '\(folder)': \(error)")
        }
    }
}
