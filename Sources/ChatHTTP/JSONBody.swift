import ChatStdio
import HTTPTypes
import Hummingbird
import NIOCore

/// Request bodies in and JSON bodies out.
enum JSONBody {
    static let contentType = "application/json; charset=utf-8"

    /// A JSON response from encoded bytes.
    static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A JSON response written by `write`.
    static func make(status: HTTPResponse.Status = .ok, _ write: (inout JSONLine) -> Void) -> Response {
        var line = JSONLine()
        write(&line)
        return response(line.bytes, status: status)
    }

    /// The request's body, at most ``HTTPOptions/bodyLimit`` bytes, or the stdio adapter's
    /// `line_too_long` error (413) for a longer one.
    static func read(_ request: Request) async throws(HTTPFailure) -> [UInt8] {
        let limit = HTTPOptions.bodyLimit
        let tooLong = HTTPFailure(.contentTooLarge, ErrorCode.lineTooLong.rawValue,
                                  "the body is longer than \(limit) bytes and was not read; send shorter lines")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLong }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw tooLong
        } catch {
            throw HTTPFailure(.badRequest, ErrorCode.invalidJSON.rawValue, "the body could not be read: \(error)")
        }
    }
}
