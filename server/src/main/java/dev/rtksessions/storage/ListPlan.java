package dev.rtksessions.storage;

/**
 * How one list request is read: its page, its total, and whether a participants range goes
 * through the peak index (see {@link ListPlanner#peakIndexed}).
 */
record ListPlan(PagePlan page, CountPlan count, boolean peakIndexed) {}
