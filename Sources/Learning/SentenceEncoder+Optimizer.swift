extension SentenceEncoder {
    /// Adam for a whole encoder: the settings, the step count and the moments of every tensor
    /// (lazy, row-wise updates for the embedding table).
    public struct Optimizer: Sendable {
        /// The settings and step count.
        public var adam: Adam
        /// Moments of the dense layers.
        public var layers: AdamState<Layers>
        /// Moments of the embedding table.
        public var embedding: AdamState<EmbeddingTable>

        /// Zero moments for `encoder`.
        public init(_ adam: Adam, for encoder: SentenceEncoder) {
            self.adam = adam
            layers = AdamState(like: encoder.layers)
            embedding = AdamState(like: encoder.embedding)
        }

        /// One step: begins it, clips the gradients to `maxNorm` (if given) and updates `encoder`.
        /// Returns the gradients' global norm before clipping.
        @discardableResult
        public mutating func step(_ encoder: inout SentenceEncoder, gradients: Gradients, maxNorm: Float? = nil) -> Float {
            adam.beginStep()
            var gradients = gradients
            let norm: Float
            if let maxNorm { norm = gradients.clip(maxNorm: maxNorm) } else { norm = Float(gradients.sumOfSquares.squareRoot()) }
            adam.update(&encoder.layers, gradients: gradients.layers, state: &layers)
            adam.update(&encoder.embedding.weights, sparse: gradients.embedding,
                        first: &embedding.first.weights, second: &embedding.second.weights)
            return norm
        }
    }
}
