/// Placeholder; replaced by the live-capture work.
enum HTTPClientPlaceholder {}
