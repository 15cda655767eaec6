"""What became of one request: raw.fetch_log.outcome.

The database holds the same list as a CHECK constraint (migration 0007) and dbt's
accepted_values test on stg_raw__fetch_log: a new outcome is a new member here, a
migration that widens the constraint, and the dbt test's list.
"""

from __future__ import annotations

from enum import StrEnum


class FetchOutcome(StrEnum):
    # A page was read.
    STORED = "stored"  # a new page, or a new content of one
    UNCHANGED = "unchanged"  # the same content as the page's newest stored row
    NOT_MODIFIED = "not_modified"  # HTTP 304 to a conditional request
    LISTED = "listed"  # a request discovery made (a listing, a feed, a sitemap)
    # A page was not read.
    HTTP_ERROR = "http_error"  # a 4xx/5xx answer, retries run out, a redirect loop
    NETWORK_ERROR = "network_error"  # no answer: refused, reset, timed out, the deadline
    PARSE_ERROR = "parse_error"  # an answer that is no article, or one that could not be stored
    TOO_LARGE = "too_large"  # a body over the size cap, as sent or inflated
    OFF_SITE = "off_site"  # another host, a private address, a refused URL
    ROBOTS_DISALLOWED = "robots_disallowed"  # robots.txt says no
    OVER_BUDGET = "over_budget"  # the source's time budget ran out before it
    NO_ARTICLES = "no_articles"  # discovery found no article on the whole site
