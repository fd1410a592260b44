import Testing
import NetModel

@Suite("Did you mean: near misses of known names")
struct SuggestionTests {
    static let known = ["StringEquals", "StringLike", "IpAddress", "Null"]

    @Test("a near miss names the closest known word; a far one names none")
    func nearMisses() {
        #expect(Suggestion.nearest("StringEqual", in: Self.known) == "StringEquals")
        #expect(Suggestion.nearest("stringlik", in: Self.known) == "StringLike")
        #expect(Suggestion.nearest("Banana", in: Self.known) == nil)
        #expect(Suggestion.hint("Nul", in: Self.known) == "; did you mean 'Null'?")
    }

    @Test("a very long word is near nothing (and is not compared letter by letter)")
    func longWords() {
        #expect(Suggestion.nearest("StringEquals" + String(repeating: "x", count: 100_000), in: Self.known) == nil)
        #expect(Suggestion.nearest(String(repeating: "StringEquals", count: 3), in: Self.known) == nil)
    }
}
