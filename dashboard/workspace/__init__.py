"""The logged-in workspace, one sub-package per room: upload, imports, coordinate, admin.

What several rooms use (navigation, notices, form fields, text tables, local times) is in
`common`, which is not a page and imports no room; rooms do not import each other.
"""
