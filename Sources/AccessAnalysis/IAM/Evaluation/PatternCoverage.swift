extension PatternList {
    /// Whether every action `other` covers is covered here too (false when that cannot be shown).
    public func coversActions(of other: PatternList) -> Bool {
        covers(other) { PolicyMatch.action($0, matches: $1) }
    }

    /// Whether every resource `other` covers is covered here too; nil stands for a statement without a
    /// resource element, which covers every resource.
    public static func coversResources(_ mine: PatternList?, of other: PatternList?) -> Bool {
        (mine ?? .only(["*"])).covers(other ?? .only(["*"])) { PolicyMatch.resource($0, matches: $1) }
    }

    /// Set inclusion on pattern lists, taking the other list's patterns literally: `s3:*` covers
    /// `s3:Get*`, and everything except `iam:*` covers everything except `iam:*` and `sts:*`.
    /// `matches(value, pattern)` is the glob match of the element kind.
    private func covers(_ other: PatternList, _ matches: (String, String) -> Bool) -> Bool {
        switch (self, other) {
        case (.only(let mine), .only(let theirs)):
            theirs.allSatisfy { value in mine.contains { matches(value, $0) } }
        case (.only(let mine), .allExcept):
            mine.contains("*")
        case (.allExcept(let excluded), .only(let theirs)):
            theirs.allSatisfy { value in !excluded.contains { matches(value, $0) || matches($0, value) } }
        case (.allExcept(let excluded), .allExcept(let theirExcluded)):
            excluded.allSatisfy { x in theirExcluded.contains { matches(x, $0) } }
        }
    }
}
