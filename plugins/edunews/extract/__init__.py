"""Rules and gazetteers that turn a Thai education news article into one record.

Public API (stable, called by the CLI and the database step):
- `extract_article(article) -> Record`: one record of spec/EXTRACTION.md (`record_types`);
- `extract_file(input_path, output_path) -> ExtractStats`: the `edunews extract` command;
- `EXTRACTOR_VERSION`: semver of the rules and gazetteers, stored with every record.
"""

from .jsonl import ExtractStats, extract_file
from .record import EXTRACTOR_VERSION, extract_article

__all__ = ["EXTRACTOR_VERSION", "ExtractStats", "extract_article", "extract_file"]
