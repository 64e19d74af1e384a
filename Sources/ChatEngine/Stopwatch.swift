/// Measures the steps of a load: `lap()` gives the seconds since the previous lap (or the
/// start), `total` the seconds since the start.
struct Stopwatch {
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now

    /// Seconds since the previous lap, and starts the next.
    mutating func lap() -> Double {
        let now = ContinuousClock.now
        defer { last = now }
        return Self.seconds(now - last)
    }

    /// Seconds since the stopwatch was made.
    var total: Double { Self.seconds(ContinuousClock.now - start) }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
