"""The public pages, one module each (Dash Pages: each calls `dash.register_page`)."""
