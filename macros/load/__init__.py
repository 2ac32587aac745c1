"""Content and data in, a checked Site out: the region, content units, figures, pictures, help lines, addresses, translations, history, the macros a page may call."""
