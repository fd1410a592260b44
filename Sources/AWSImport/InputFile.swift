import Foundation

/// One `*.json` file found under an import path, with the scope its folders give it.
///
/// Folders named like an account ID (`123456789012/`) or a region (`us-east-1/`)
/// scope everything beneath them. A folder named after a per-resource AWS CLI call
/// (`s3api-get-bucket-policy/`) names the resource by each file's base name.
public struct InputFile: Sendable, Hashable {
    /// Absolute or as-given path, used to read the file.
    public var url: URL
    /// The document itself, for documents that never were files (live capture); read from `url` when nil.
    public var contents: [UInt8]?
    /// The path as shown to users: relative to the import root, prefixed by it.
    public var displayPath: String
    public var account: String?
    public var region: String?
    /// The per-resource call folder the file sits in, if any.
    public var callFolder: String?
    /// The file name without `.json`.
    public var baseName: String

    /// When the file sits in a per-resource call folder: the resource it describes.
    public var resourceName: String? { callFolder == nil ? nil : baseName }

    /// Folder names that hold one file per resource, named after the resource.
    public static let perResourceCallFolders: Set<String> = Set([
        "s3api-get-bucket-policy", "s3api-get-bucket-acl", "s3api-get-bucket-policy-status",
        "s3api-get-bucket-ownership-controls", "s3api-get-bucket-location", "s3api-get-public-access-block",
        "elbv2-describe-listeners", "elbv2-describe-target-health",
        "ec2-search-transit-gateway-routes", "ec2-get-managed-prefix-list-entries",
        "ec2-get-transit-gateway-route-table-propagations", "ec2-get-transit-gateway-route-table-associations",
        "elbv2-describe-load-balancer-attributes", "elbv2-describe-target-group-attributes",
    ]).union(ResourcePolicyMapper.callFolders)

    /// Lists the `*.json` files under each path (a file or a folder), sorted for a stable import.
    public static func discover(_ paths: [String]) throws(ImportError) -> [InputFile] {
        var files: [InputFile] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .pathNotFound(path) }
            let root = URL(fileURLWithPath: path)
            if !isDirectory.boolValue {
                files.append(InputFile(url: root, displayPath: path, components: []))
                continue
            }
            // A folder that cannot be listed is an error naming it, never a region silently skipped.
            let listingErrors = ListingErrors()
            guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey], options: [],
                                             errorHandler: { url, error in listingErrors.items.append((url, error)); return true }) else {
                throw .unreadable(file: path, reason: "cannot list folder")
            }
            var found: [InputFile] = []
            let rootPath = root.standardizedFileURL.path
            for case let url as URL in walker where url.pathExtension.lowercased() == "json" {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
                if values?.isDirectory == true { continue }
                guard values?.isRegularFile == true else {
                    throw .unreadable(file: url.path, reason: "not a regular file (a device, FIFO or socket, or a broken link)")
                }
                var relative = url.standardizedFileURL.path
                if relative.hasPrefix(rootPath) { relative.removeFirst(rootPath.count) }
                let parts = relative.split(separator: "/").map(String.init)
                let display = (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/" + parts.joined(separator: "/")
                found.append(InputFile(url: url, displayPath: display, components: Array(parts.dropLast())))
            }
            if let (url, error) = listingErrors.items.first {
                throw .unreadable(file: url.path, reason: "cannot list folder: \((error as NSError).localizedDescription)")
            }
            if found.isEmpty { throw .noJSONFiles(path) }
            files += found.sorted { $0.displayPath < $1.displayPath }
        }
        return files
    }

    /// A document held in memory (an API response converted to AWS CLI JSON), scoped as if it sat in
    /// `<account>/<region>/[<callFolder>/]<baseName>.json`.
    public init(displayPath: String, account: String?, region: String?, callFolder: String? = nil, baseName: String, contents: [UInt8]) {
        self.url = URL(fileURLWithPath: "/dev/null")
        self.displayPath = displayPath
        self.account = account
        self.region = region
        self.callFolder = callFolder
        self.baseName = baseName
        self.contents = contents
    }

    init(url: URL, displayPath: String, components: [String]) {
        self.url = url
        self.displayPath = displayPath
        self.baseName = url.deletingPathExtension().lastPathComponent
        for folder in components {
            if InputFile.isAccountId(folder) { account = folder }
            else if InputFile.isRegion(folder) { region = folder }
            else if InputFile.perResourceCallFolders.contains(folder) { callFolder = folder }
        }
    }

    static func isAccountId(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// AWS region names: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-4`.
    static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count >= 3, parts.count <= 4, let last = parts.last, Int(last) != nil,
              parts[0].count == 2, parts[0].allSatisfy({ $0.isLowercase }) else { return false }
        return parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase } }
    }
}

/// Folders the walk could not list (the enumerator reports them on the walking thread).
private final class ListingErrors {
    var items: [(URL, Error)] = []
}
