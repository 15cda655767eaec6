"""Crawling: discover article URLs on a source's site, fetch them, land them in raw."""
