#!/usr/bin/env bash
# Writes the .gz and .br copies of the page's engines (pkg/*/*.wasm, *.js) that `facepoints
# serve` sends to browsers that accept them, where a copy is missing or older than its file.
# They are not committed (they are made from the committed files in seconds).
set -euo pipefail
cd "$(dirname "$0")/.."

for file in pkg/*/*.wasm pkg/*/*.js; do
  [[ -f "$file" ]] || continue
  if [[ ! "$file.gz" -nt "$file" ]]; then gzip -9 -k -f "$file"; fi
  if [[ ! "$file.br" -nt "$file" ]]; then
    if command -v brotli >/dev/null; then
      brotli -q 11 -k -f "$file"
    elif command -v node >/dev/null; then
      node -e 'const z = require("zlib"), fs = require("fs"), f = process.argv[1];
        fs.writeFileSync(f + ".br", z.brotliCompressSync(fs.readFileSync(f), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }));' "$file"
    fi
  fi
done
