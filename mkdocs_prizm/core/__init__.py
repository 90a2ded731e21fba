"""The pure core: text and data in, dataclasses out; no MkDocs or Jinja imports."""
