-- raw.fetch_log.outcome holds one of edunews.crawl.outcome.FetchOutcome's values, and
-- nothing else: a misspelt outcome fails the insert instead of vanishing from every count.
-- These are all the values the crawler has ever written, so existing rows pass.
alter table raw.fetch_log add constraint fetch_log_outcome_known check (
    outcome in (
        'stored',
        'unchanged',
        'not_modified',
        'listed',
        'http_error',
        'network_error',
        'parse_error',
        'too_large',
        'off_site',
        'robots_disallowed',
        'over_budget',
        'no_articles'
    )
);
