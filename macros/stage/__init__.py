"""The pages MkDocs builds, per language, and the editors' preview page."""
