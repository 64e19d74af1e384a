#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DictionaryImage {
    /// Compiles a word list and an HMM into image bytes.
    ///
    /// Words are folded for matching (`C++` and `c++` become one word, keeping the larger
    /// frequency); words with frequency 0 are left out; the total is the sum of all frequencies.
    /// - Parameter sourceDigest: recorded in the header so a stale image can be detected.
    public static func compile(words: [(word: String, frequency: Int)], model: HMMParameters, sourceDigest: UInt64) -> [UInt8] {
        // Alphabet: every folded scalar of a word or of the HMM.
        var frequencies: [[UInt32]: Int] = [:]
        var total = 0
        for (word, frequency) in words {
            total += frequency
            guard frequency > 0 else { continue }
            let folded = word.unicodeScalars.map { MatchingFold.fold($0.value) }
            frequencies[folded] = max(frequencies[folded] ?? 0, frequency)
        }
        var scalars = Set(frequencies.keys.joined())
        for table in model.emission { scalars.formUnion(table.keys.map(\.value)) }
        // Codes in order of how many words use the character: the children of a trie state then
        // cluster at small codes and the double array packs densely.
        var uses: [UInt32: Int] = [:]
        for word in frequencies.keys { for scalar in word { uses[scalar, default: 0] += 1 } }
        let sortedScalars = scalars.sorted { (uses[$0] ?? 0, $1) > (uses[$1] ?? 0, $0) }
        precondition(sortedScalars.count < Int(DoubleArrayTrie.freeCheck) - 1, "alphabet too large for 16-bit codes")
        var codeOf: [UInt32: UInt16] = [:]
        for (index, scalar) in sortedScalars.enumerated() { codeOf[scalar] = UInt16(index + 1) }
        let alphabetSize = sortedScalars.count + 1

        let entries = frequencies.map { word, frequency in
            DoubleArrayTrieBuilder.Entry(codes: word.map { codeOf[$0]! }, logFrequency: Float(log(Double(frequency))))
        }.sorted { $0.codes.lexicographicallyPrecedes($1.codes) }
        let trie = DoubleArrayTrieBuilder(sortedEntries: entries)

        var emission = [Float](repeating: 0, count: alphabetSize * 4)
        for (scalar, code) in codeOf {
            let known = (0..<4).compactMap { model.emission[$0][Unicode.Scalar(scalar)!] }
            for label in 0..<4 {
                // A character the model never saw under any label is neutral: transitions decide.
                let value = known.isEmpty ? 0 : model.emission[label][Unicode.Scalar(scalar)!] ?? -Double.infinity
                emission[Int(code) * 4 + label] = hmmValue(value)
            }
        }
        let supplementary = sortedScalars.filter { $0 >= 0x10000 }.sorted()
        let layout = ImageLayout(stateCount: trie.cells.count, alphabetSize: alphabetSize, supplementaryCount: supplementary.count)
        var payload = [UInt8](repeating: 0, count: layout.payloadLength)
        payload.withUnsafeMutableBytes { raw in
            func write<T>(_ values: [T], at range: Range<Int>) {
                values.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(rebasing: raw[range]).copyMemory(from: source)
                }
            }
            var bmp = [UInt16](repeating: 0, count: 0x10000)
            for (scalar, code) in codeOf where scalar < 0x10000 { bmp[Int(scalar)] = code }
            write(bmp, at: layout.bmpCodes)
            write(supplementary, at: layout.supplementaryScalars)
            write(supplementary.map { UInt32(codeOf[$0]!) }, at: layout.supplementaryCodes)
            write(trie.cells, at: layout.trieCells)
            write(model.start.map(hmmValue), at: layout.hmmStart)
            write(model.transition.joined().map(hmmValue), at: layout.hmmTransition)
            write(emission, at: layout.hmmEmission)
        }
        var header = [UInt8](repeating: 0, count: headerSize)
        header.withUnsafeMutableBytes { raw in
            raw.copyBytes(from: magic)
            raw.storeBytes(of: formatVersion.littleEndian, toByteOffset: 8, as: UInt32.self)
            raw.storeBytes(of: UInt32(trie.cells.count).littleEndian, toByteOffset: 12, as: UInt32.self)
            raw.storeBytes(of: UInt32(alphabetSize).littleEndian, toByteOffset: 16, as: UInt32.self)
            raw.storeBytes(of: UInt32(supplementary.count).littleEndian, toByteOffset: 20, as: UInt32.self)
            raw.storeBytes(of: UInt32(frequencies.count).littleEndian, toByteOffset: 24, as: UInt32.self)
            raw.storeBytes(of: log(Double(max(total, 1))).bitPattern.littleEndian, toByteOffset: 32, as: UInt64.self)
            raw.storeBytes(of: sourceDigest.littleEndian, toByteOffset: 40, as: UInt64.self)
            raw.storeBytes(of: Checksum.of(payload).littleEndian, toByteOffset: 48, as: UInt64.self)
            raw.storeBytes(of: UInt64(payload.count).littleEndian, toByteOffset: 56, as: UInt64.self)
        }
        return header + payload
    }

    /// The digest of source files' bytes, as recorded by `compile`.
    public static func digest(ofSources sources: [[UInt8]]) -> UInt64 {
        sources.reduce(0) { Checksum.of($1, seed: $0) }
    }

    private static func hmmValue(_ value: Double) -> Float {
        value <= HMMParameters.logZeroThreshold ? HiddenMarkovModel.impossible : Float(value)
    }
}
