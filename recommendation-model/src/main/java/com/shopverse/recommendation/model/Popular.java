package com.shopverse.recommendation.model;

/** A popular product and its popularity (any scale: the model normalises by the top one). */
public record Popular(String productId, double score) {}
