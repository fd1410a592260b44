/// Values quoted in messages are cut to about 80 characters: a 10 MB value must not drown the user.
public enum Quoted {
    public static func value(_ s: String, limit: Int = 80) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "… (\(flat.count) characters)"
    }
}
