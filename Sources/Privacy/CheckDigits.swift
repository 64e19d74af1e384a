/// The checks that tell an ID-card or bank-card number from any other run of digits.
enum CheckDigits {
    /// Whether `digits` pass the Luhn check (ISO/IEC 7812): double every second digit from the
    /// right, add the digits of the products and the rest; the sum is a multiple of 10.
    /// `6222021234567890123`-style bank-card numbers carry it; a random number passes one time in ten.
    static func luhn(_ digits: ArraySlice<Int>) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// The weights of the first 17 characters of a resident ID number (GB 11643, ISO 7064 MOD 11-2):
    /// 2^(17-i) mod 11.
    static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character for each weighted sum mod 11 (10 stands for `X`).
    static let idCheck = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2]

    /// Whether `characters` (18 values, 10 for a final `X`) are a resident ID number: region code
    /// starting 1–8, a real birth date (YYYYMMDD, 1800–2099) at 7–14, and the check character.
    /// 「11010519491231002X」 is one; the same with `…0021` is not.
    static func residentID(_ characters: ArraySlice<Int>) -> Bool {
        guard characters.count == 18 else { return false }
        let value = Array(characters)
        guard value[0...16].allSatisfy({ $0 <= 9 }), (1...8).contains(value[0]) else { return false }
        guard isBirthDate(value[6...13]) else { return false }
        var sum = 0
        for index in 0..<17 { sum += value[index] * idWeights[index] }
        return idCheck[sum % 11] == value[17]
    }

    /// Whether 8 digits are a date YYYYMMDD between 1800 and 2099.
    static func isBirthDate(_ digits: ArraySlice<Int>) -> Bool {
        let value = digits.reduce(0) { $0 * 10 + $1 }
        let year = value / 10000, month = value / 100 % 100, day = value % 100
        guard (1800...2099).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// Whether a number of `digits.count` digits starting so can be a payment card: 16–19 digits
    /// starting 3, 4, 5, 6 or 9 (China's older domestic cards, 9558…), or 16 starting 2221–2720
    /// (Mastercard); 13–15 digits only starting 3 or 4 (Visa, Amex, Diners). Order and tracking
    /// numbers (`20241105123456`, `75311208846512`) are none of these.
    static func isCardPrefix(_ digits: ArraySlice<Int>) -> Bool {
        guard let first = digits.first else { return false }
        switch digits.count {
        case 13...15:
            return first == 3 || first == 4
        case 16...19:
            if [3, 4, 5, 6, 9].contains(first) { return true }
            let four = digits.prefix(4).reduce(0) { $0 * 10 + $1 }
            return digits.count == 16 && (2221...2720).contains(four)
        default:
            return false
        }
    }
}
