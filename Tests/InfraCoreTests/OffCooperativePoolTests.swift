// The test-support trait that keeps blocking tests off Swift's cooperative pool
// (Tests/InfraTestSupport/OffCooperativePool.swift): inside its scope a test, synchronous or
// async, runs with the Dispatch-backed executor preferred; outside it, without.

import InfraTestSupport
import Testing

@Suite("Tests that block run off the cooperative pool", .offCooperativePool)
struct OffCooperativePoolTests {
    @Test("a synchronous test of the suite runs on the blocking executor")
    func synchronous() {
        #expect(OffCooperativePoolTrait.isInEffect)
    }

    @Test("an async test of the suite does too, across a suspension")
    func asynchronous() async throws {
        try await Task.sleep(for: .milliseconds(1))
        #expect(OffCooperativePoolTrait.isInEffect)
    }
}

@Suite("Tests without the trait stay on the cooperative pool")
struct OnCooperativePoolTests {
    @Test("a synchronous test without the trait has no preferred executor")
    func synchronous() {
        #expect(!OffCooperativePoolTrait.isInEffect)
    }
}
