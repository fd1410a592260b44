/// Placeholder; replaced by the live-capture work.
enum SigV4Placeholder {}
