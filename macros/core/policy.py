"""What a page of the site may run and load: its Content-Security-Policy.

A second wall against injected script (tests/test_site.py, tests/test_quality.py). Only this
site's own files run or load; no inline script and no style attribute; WebAssembly only for
search (Pagefind compiles its index reader when the reader opens the search). Every page
carries it in a meta element, the redirect pages too; ``frame-ancestors`` cannot be set that
way, that is the web server's header.
"""

from __future__ import annotations

# One directive per line.
CSP = (
    "default-src 'none'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self'; "
    "img-src 'self'; "
    "connect-src 'self'; "
    "worker-src 'self'; "
    "base-uri 'self'; "
    "form-action 'self'; "
    "object-src 'none'"
)

# The editors' preview (`make serve`) only: MkDocs' live reload is an inline script it writes
# into every page it serves, so there the policy lets inline script run. A build never has it.
PREVIEW_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", 1)
