"""Block list -> .docx (python-docx + small OOXML helpers)."""
