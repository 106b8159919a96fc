"""Parts of pages that several pages show (none of them is a page: pages never import pages)."""
