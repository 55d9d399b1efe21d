"""Make the printed and web forms of a plain handout: the PDFs (standard and large print), the HTML page, fonts and page facts; uses language/ and templates."""
