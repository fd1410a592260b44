import Foundation

/// The process's working directory (for relative SARIF locations).
func currentDirectory() -> String { FileManager.default.currentDirectoryPath }
