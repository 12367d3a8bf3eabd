#!/bin/sh
# wsklint as a CI gate for any CI system (the plain-shell equivalent of wsklint.yml).
#
#   sh wsklint-ci.sh [PATH...]          (default: the current directory, the repository root)
#
# Exit status: 0 no new findings, 1 findings that are not in the baseline, 2 a usage or configuration
# error. Findings are printed like compiler diagnostics; wsklint.sarif holds all of them (the
# baseline's marked "unchanged", suppressed ones with their justification) for a SARIF viewer or
# code-scanning upload. Environment: WSKLINT_BASELINE (default wsklint-baseline.json), WSKLINT_SARIF
# (default wsklint.sarif), WSKLINT_CATEGORY (default wsklint).
set -u
baseline="${WSKLINT_BASELINE:-wsklint-baseline.json}"
[ "$#" -gt 0 ] || set -- .
if [ -f "$baseline" ]; then
    set -- "$@" --baseline "$baseline"
else
    echo "wsklint-ci: no $baseline: every finding counts (accept the current ones with --write-baseline)" >&2
fi
exec wsklint check "$@" --sarif "${WSKLINT_SARIF:-wsklint.sarif}" --sarif-category "${WSKLINT_CATEGORY:-wsklint}"
