-- analytics: the counters of a day and its keywords are summed from analytics_review when asked (ADR 39), which
-- already holds every review's day, rating, sentiment, keywords, reply and AI outcome. The per-day tables that the
-- projection kept up to date beside it go: a replay now writes one row per review instead of about four. No replay
-- is needed: analytics_review is complete as it is.
DROP TABLE analytics_day;
DROP TABLE analytics_keyword;
