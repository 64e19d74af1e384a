/// One named tensor of a parameter value, reached by a key path.
public struct TensorPath<Root>: @unchecked Sendable {
    /// A stable name (used in model files), e.g. `recurrentWeights`.
    public let name: String
    /// Where the tensor lives in the value.
    public let path: WritableKeyPath<Root, Matrix>

    public init(_ name: String, _ path: WritableKeyPath<Root, Matrix>) {
        self.name = name
        self.path = path
    }
}

/// A value made of named `Matrix` tensors: a layer, a model, or the gradient of one.
///
/// Gradients have the same shapes as the parameters, so the gradient of a layer is a value of
/// the layer's own type (built with `zeroed()`), and Adam's moment estimates are too. Everything
/// generic — zeroing, summing per-thread gradients, norms, Adam, saving and loading — goes
/// through `tensorPaths`, so a composite model only lists its parts:
///
/// ```swift
/// static var tensorPaths: [TensorPath<Self>] {
///     nested("gru", \.gru) + nested("attention", \.attention)
/// }
/// ```
public protocol ParameterTensors: Sendable {
    /// The tensors, in a fixed order, with unique names.
    static var tensorPaths: [TensorPath<Self>] { get }
}

extension ParameterTensors {
    /// The tensors of the `ParameterTensors` part at `child`, their names prefixed `name.`.
    public static func nested<Child: ParameterTensors>(_ name: String, _ child: WritableKeyPath<Self, Child>)
        -> [TensorPath<Self>] {
        Child.tensorPaths.map { TensorPath("\(name).\($0.name)", child.appending(path: $0.path)) }
    }

    /// The same shapes, every entry zero (a fresh gradient or moment estimate).
    public func zeroed() -> Self {
        var copy = self
        for tensor in Self.tensorPaths { copy[keyPath: tensor.path] = Matrix(zerosLike: self[keyPath: tensor.path]) }
        return copy
    }

    /// Sets every entry to zero in place, keeping the storage.
    public mutating func zero() {
        for tensor in Self.tensorPaths { self[keyPath: tensor.path].zero() }
    }

    /// Adds `other` (same shapes) tensor by tensor: used to sum per-thread gradients in a fixed
    /// order.
    public mutating func add(_ other: Self) {
        for tensor in Self.tensorPaths {
            let source = other[keyPath: tensor.path]
            precondition(source.count == self[keyPath: tensor.path].count, "adding tensors of different shapes at \(tensor.name)")
            source.values.withUnsafeBufferPointer { from in
                self[keyPath: tensor.path].values.withUnsafeMutableBufferPointer { to in VectorMath.add(from, to) }
            }
        }
    }

    /// Multiplies every entry by `factor`.
    public mutating func scale(by factor: Float) {
        for tensor in Self.tensorPaths {
            self[keyPath: tensor.path].values.withUnsafeMutableBufferPointer { VectorMath.scale($0, by: factor) }
        }
    }

    /// The sum of squares of every entry (the squared global norm), in `Double`.
    public var sumOfSquares: Double {
        Self.tensorPaths.reduce(0) { $0 + self[keyPath: $1.path].sumOfSquares }
    }

    /// The number of scalar parameters.
    public var parameterCount: Int { Self.tensorPaths.reduce(0) { $0 + self[keyPath: $1.path].count } }
}
