"""Read a source into the data model: text in any common encoding, Markdown, Word documents, PDF leaflets and
web pages become the same blocks; front matter, structure recovery (headings, lists, tables), page furniture;
uses language/."""
