import Learning

/// Compares analytic gradients with central finite differences.
///
/// The kernel computes in `Float`, so the checks are built to be meaningful at that precision:
/// every loss is a probe `Σ cᵢ·outᵢ` with random weights `cᵢ`, summed in `Double`; the numeric
/// derivative is Richardson-extrapolated central differences, `(4·D(h/2) − D(h)) / 3` with
/// `D(h) = (L(x+h) − L(x−h)) / 2h` and h = 0.04, whose truncation error is O(h⁴), so the step can
/// be large enough that Float rounding in the loss (~1e-6) adds only ~3e-5. An entry passes when
/// `|analytic − numeric| ≤ 2e-4 + 1e-2·max(|analytic|, |numeric|)`. A wrong backward formula is
/// off by far more (see `GradientCheckTests.detectsAWrongGradient`), and each tensor must have
/// some gradient above 5e-3 so a vanishing gradient cannot pass vacuously.
struct GradientCheck {
    var step: Float = 0.04
    var absoluteTolerance: Double = 2e-4
    var relativeTolerance: Double = 1e-2
    var smallestLargest: Double = 5e-3

    /// The entries where `analytic` disagrees with the finite differences of `loss` around
    /// `values`, described; empty when all agree.
    func mismatches(_ label: String, values: [Float], analytic: [Float], loss: ([Float]) -> Double) -> [String] {
        precondition(values.count == analytic.count, "\(label): \(values.count) values, \(analytic.count) gradients")
        var problems: [String] = []
        var largest = 0.0
        for index in values.indices {
            func difference(_ h: Float) -> Double {
                var plus = values, minus = values
                plus[index] += h
                minus[index] -= h
                return (loss(plus) - loss(minus)) / Double(plus[index] - minus[index])
            }
            let numeric = (4 * difference(step / 2) - difference(step)) / 3
            let exact = Double(analytic[index])
            largest = max(largest, abs(numeric))
            if abs(exact - numeric) > absoluteTolerance + relativeTolerance * max(abs(exact), abs(numeric)) {
                problems.append("\(label)[\(index)]: analytic \(exact), numeric \(numeric)")
            }
        }
        if !values.isEmpty && largest < smallestLargest {
            problems.append("\(label): every gradient is below \(smallestLargest) (largest \(largest)); the check proves nothing")
        }
        return problems
    }

    /// Checks every tensor of `parameters` against `gradients` (same type, same shapes).
    func mismatches<P: ParameterTensors>(_ label: String, parameters: P, gradients: P, loss: (P) -> Double) -> [String] {
        P.tensorPaths.flatMap { tensor in
            mismatches("\(label).\(tensor.name)", values: parameters[keyPath: tensor.path].values,
                       analytic: gradients[keyPath: tensor.path].values) { values in
                var moved = parameters
                moved[keyPath: tensor.path].values = values
                return loss(moved)
            }
        }
    }
}

/// Deterministic test data.
enum Fixture {
    static func matrix(_ rows: Int, _ columns: Int, seed: UInt64, scale: Float = 1) -> Matrix {
        var random = SeededRandom(seed: seed, stream: 99)
        return .uniform(rows: rows, columns: columns, limit: scale, random: &random)
    }

    static func vector(_ count: Int, seed: UInt64) -> [Float] { matrix(1, count, seed: seed).values }

    /// `Σ weights[i] · values[i]` in `Double`.
    static func probe(_ values: [Float], _ weights: [Float]) -> Double {
        zip(values, weights).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// A parameter value with every tensor randomised (biases included), for gradient checks.
    static func randomised<P: ParameterTensors>(_ parameters: P, seed: UInt64, scale: Float = 0.5) -> P {
        var copy = parameters
        for (index, tensor) in P.tensorPaths.enumerated() {
            let shape = copy[keyPath: tensor.path]
            copy[keyPath: tensor.path] = matrix(shape.rows, shape.columns, seed: seed &+ UInt64(index), scale: scale)
        }
        return copy
    }
}
