#if canImport(Glibc)
import Glibc
#endif
// TEMPORARY: experiment knobs, removed before commit.
enum LabKnobs {
    static func value(_ name: String, _ fallback: Double) -> Double {
        guard let raw = getenv(name) else { return fallback }
        return Double(String(cString: raw)) ?? fallback
    }
}
