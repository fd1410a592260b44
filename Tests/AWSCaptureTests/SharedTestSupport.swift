/// `MotoServer` and `PostgresServer` live in the shared test-support target (the end-to-end tests start them too):
/// visible to every file of this target.
@_exported import PostgresTestSupport
