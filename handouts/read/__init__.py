"""Read a source text into the data model: front matter, structure recovery (headings, lists, tables), page furniture; uses language/."""
