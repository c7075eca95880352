#!/usr/bin/env bash
# Copies the schemas module's main sources (avro/, java/, resources/) as released at a commit into
# schemas/src/test/released/<commit>/, for ReleasedReaderTest. Run it with the commit of the release that is
# deployed before the next schema change ships, then point ReleasedReaderTest.RELEASE at the new folder.
set -euo pipefail
commit=$(git rev-parse --short "${1:?usage: snapshot.sh <commit>}")
cd "$(git rev-parse --show-toplevel)"
target=schemas/src/test/released/$commit
rm -rf "$target"
mkdir -p "$target"
git archive "$commit" schemas/src/main | tar -x -C "$target" --strip-components=3
echo "$target"
