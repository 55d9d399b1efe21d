"""Make the printed and web forms of a plain handout: the PDFs (standard and large print) and the page breaks they
keep (print_layout), the HTML page, fonts and page facts; uses language/ and templates."""
