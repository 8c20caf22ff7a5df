#!/usr/bin/env bash
# Rewrites the convert round trip's committed targets (Tests/ConvertedFixtures/<Name>) from their
# inputs: the fixtures under Tests/InfraConvertTests/Fixtures and the OVES reference synthesized in
# JSON and HCL. It runs the test that otherwise fails when they are stale, with the variable that
# makes it write them (Tests/InfraConvertTests/ConvertedTargets.swift); a second run checks them.
#
#   Scripts/regenerate-converted.sh
set -euo pipefail
cd "$(dirname "$0")/.."
filter='committedTargetsAreCurrent'
INFRA_REGENERATE_CONVERTED=1 swift test --filter "$filter"
# The new files compiled into the test bundle: build again and check they are current.
swift test --filter "$filter"
git status --short Tests/ConvertedFixtures
