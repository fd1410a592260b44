/// `CaptureOptions.http` is an `HTTPClientConfiguration`: callers of `capture` get it without importing HTTPClient.
@_exported import HTTPClient
