/// A problem with analytics' input that the user can fix: an unreadable path, a store that is
/// not a kefu store, a transcript that does not load, a bot folder with errors.
public struct AnalyticsError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
