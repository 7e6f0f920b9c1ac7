package com.shopverse.ops;

/** How many events one series key had in the bucket starting at {@code bucketMs}. */
public record BucketCount(String series, String key, long bucketMs, long count) {}
