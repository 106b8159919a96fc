"""The logged-in workspace: navigation and page frame (nav.py), and the helpers of its pages."""
