package kr.salonmate.messages.analytics;

/** How analytics are grouped, in the shop's time zone: calendar days, weeks starting on Monday, months. */
public enum AnalyticsBucket { DAY, WEEK, MONTH }
