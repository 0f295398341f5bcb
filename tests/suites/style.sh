#!/usr/bin/env bash
# tests/suites/style.sh - runs scripts/check-style.sh (formatting, cppcheck,
# layering greps, file size budget) as part of make check.
cd "$(dirname "$0")/../.." && scripts/check-style.sh
exit 0
