import ChatCore
import Metrics

/// The service's measurements, through swift-metrics (`kefu serve --http` hands in a Prometheus
/// factory; the default, unbootstrapped system costs nothing): turns answered, how long a turn
/// took, hand-offs by reason, how many wait for an agent and how often the store failed.
struct HubMetrics: Sendable {
    let turns: Counter
    let turnDuration: Metrics.Timer
    let waiting: Gauge
    let storeFailures: Counter
    private let handoffs: [HandoffReason.Kind: Counter]

    init(factory: any MetricsFactory) {
        turns = Counter(label: "kefu_turns_total", factory: factory)
        turnDuration = Metrics.Timer(label: "kefu_turn_duration_seconds", factory: factory)
        waiting = Gauge(label: "kefu_handoffs_waiting", factory: factory)
        storeFailures = Counter(label: "kefu_store_failures_total", factory: factory)
        handoffs = Dictionary(uniqueKeysWithValues: HandoffReason.Kind.allCases.map {
            ($0, Counter(label: "kefu_handoffs_total", dimensions: [("reason", $0.rawValue)], factory: factory))
        })
    }

    func handedOff(_ reason: HandoffReason.Kind) { handoffs[reason]?.increment() }
}
