"""Pure renderers: a loaded Site and a language in, markup out (unit parts, cards, charts, the macros editors call)."""
