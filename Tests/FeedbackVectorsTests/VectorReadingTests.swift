import FeedbackTestSupport
import FeedbackVectors
import FeedbackWire
import Testing

/// Vectors are read by the project's one JSON reader and one field reader,
/// and written with the same keys: what is written reads back the same.
@Suite("Reading and writing vectors")
struct VectorReadingTests {
    @Test("Every built-in vector written as JSON reads back as the same vector")
    func everyVectorRoundTrips() throws {
        let library = try Vectors.loaded.get()
        #expect(library.vectors.count > 700)
        for vector in library.vectors {
            let text = vector.jsonValue.jsonText
            let read = try Vector(json: JSONFields(parsing: text, document: vector.id))
            #expect(read == vector, "\(vector.id)")
            #expect(read.jsonValue.jsonText == text, "\(vector.id)")
        }
    }

    @Test("A field of the wrong type is named by its path in the file, never by its value")
    func errorsNameTheFieldPath() throws {
        let error = #"{"errorType":"InvalidParameterException","message":null,"violations":[{"member":"Nickname","path":"p","#
            + #""constraint":"pattern","message":null}]}"#
        let thrown = #expect(throws: LoadError.self) {
            try BodylessVectorLoadingTests.load(#""body":{},"result":"invalid","expected":"# + error)
        }
        #expect(thrown?.reason == "tests[0].expected.violations[0].member: expected one of the values the format lists")
        let notString = #expect(throws: LoadError.self) {
            try BodylessVectorLoadingTests.load(#""body":{},"wire":7,"result":"valid""#)
        }
        #expect(notString?.reason == "tests[0].wire: expected a string")
    }

    @Test("A vector file with a duplicate key keeps the last value, as the body reader does (Foundation's reader is not used)")
    func duplicateKeysKeepTheLastValue() throws {
        let library = try BodylessVectorLoadingTests.load(#""body":{"Username":"first","Username":"last"},"result":"valid""#)
        #expect(library.vectors.first?.body?.members["Username"] == .string("last"))
    }
}
