extension SentenceEncoder {
    /// Reusable per-chunk gradient buffers for `inBatchGradients`, and the summed gradient of the
    /// last batch.
    public struct BatchWorkspace: Sendable {
        /// The number of chunks a batch is cut into (fixed, so results never depend on cores).
        public let chunks: Int
        /// The gradient of the last batch: the chunks' gradients summed in chunk order.
        public internal(set) var gradients: Gradients
        var parts: [Gradients]

        /// Buffers for `encoder`, cutting each batch into `chunks` parts (2 uses two cores).
        public init(for encoder: SentenceEncoder, chunks: Int = 2) {
            self.chunks = max(chunks, 1)
            gradients = Gradients(like: encoder)
            parts = Array(repeating: gradients, count: self.chunks)
        }
    }

    /// One pair of a contrastive batch: a query, the text it should match, and optionally a group
    /// (pairs of the same group are not each other's negatives).
    public struct TrainingPair: Sendable, Equatable {
        public var query: TokenRows
        public var positive: TokenRows
        public var group: Int?

        public init(query: TokenRows, positive: TokenRows, group: Int? = nil) {
            self.query = query
            self.positive = positive
            self.group = group
        }
    }

    /// The in-batch softmax loss of a batch and its gradient (left in `workspace.gradients`).
    ///
    /// Three phases: encode every sentence (chunks in parallel), the loss over the whole batch
    /// (one thread: it couples all pairs), the backward passes (chunks in parallel, each into its
    /// own buffer), then the chunk gradients are summed in order. Bit-identical for any
    /// scheduling; the chunk count is part of the arithmetic, so keep it fixed.
    public func inBatchGradients(_ batch: [TrainingPair], loss: InBatchSoftmaxLoss,
                                 workspace: inout BatchWorkspace) -> Float {
        let ranges = ParallelChunks.ranges(count: batch.count, chunks: workspace.chunks)
        let encoder = self
        let traces = ParallelChunks.map(ranges.count) { chunk in
            ranges[chunk].map { index in (encoder.forward(batch[index].query), encoder.forward(batch[index].positive)) }
        }.flatMap { $0 }
        let width = outputSize
        var queries = Matrix(rows: batch.count, columns: width), positives = Matrix(rows: batch.count, columns: width)
        for (index, pair) in traces.enumerated() {
            for column in 0..<width {
                queries[index, column] = pair.0.output[column]
                positives[index, column] = pair.1.output[column]
            }
        }
        let groups: [Int]? = batch.contains { $0.group == nil } ? nil : batch.map { $0.group ?? 0 }
        let result = loss.evaluate(queries: queries, positives: positives, groups: groups)
        var parts = workspace.parts
        workspace.parts = []
        for index in parts.indices { parts[index].removeAll() }
        ParallelChunks.update(&parts) { chunk, gradients in
            guard chunk < ranges.count else { return }
            for index in ranges[chunk] {
                encoder.backward(batch[index].query, trace: traces[index].0,
                                 outputGradient: result.queryGradients.row(index), gradients: &gradients)
                encoder.backward(batch[index].positive, trace: traces[index].1,
                                 outputGradient: result.positiveGradients.row(index), gradients: &gradients)
            }
        }
        workspace.gradients.removeAll()
        for part in parts { workspace.gradients.add(part) }
        workspace.parts = parts
        return result.loss
    }
}
