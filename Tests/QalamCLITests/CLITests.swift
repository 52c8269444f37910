import Testing

@Suite("CLI")
struct CLITests {
    @Test func placeholder() { #expect(1 + 1 == 2) }
}
