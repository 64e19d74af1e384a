/// A clock time as said, before a part of the day or a date is applied.
struct Clock {
    var hour: Int
    var minute: Int
    var end: Int
    /// Written `03:30` or `08点`: a 24-hour reading.
    var hasLeadingZero: Bool
    /// 一点 with nothing after it.
    var isBareLoneOne: Bool
}
