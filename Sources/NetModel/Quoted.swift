/// Values quoted in messages are cut to about 80 characters: a 10 MB value must not drown the user.
public enum Quoted {
    public static func value(_ s: String, limit: Int = 80) -> String {
        // Control characters (line breaks, tabs, escape sequences) would break the one line or drive the terminal.
        let flat = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "… (\(flat.count) characters)"
    }
}
