"""What is made beside the pages: PDFs, preview images, open data, and the link check of the built site."""
