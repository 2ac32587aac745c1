"""The editors' commands: make check, make translations, make register, make region."""
