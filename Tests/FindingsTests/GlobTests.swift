import Testing
import Findings

@Suite struct GlobTests {
    @Test(arguments: [
        ("*", "", true), ("*", "anything", true), ("sg-*", "sg-0123", true), ("sg-*", "vpc-1", false),
        ("sg-????", "sg-0123", true), ("sg-????", "sg-012", false), ("*bucket*", "my-bucket-logs", true),
        ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false), ("exact", "exact", true), ("exact", "exactly", false),
        ("arn:aws:s3:::*-logs", "arn:aws:s3:::prod-logs", true), ("**x", "x", true), ("?", "", false),
    ])
    func matches(pattern: String, text: String, expected: Bool) {
        #expect(Glob(pattern).matches(text) == expected)
    }
}
