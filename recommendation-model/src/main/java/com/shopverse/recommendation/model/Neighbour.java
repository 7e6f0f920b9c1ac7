package com.shopverse.recommendation.model;

/** A product co-visited with another, and the forward-decayed strength of that co-visitation. */
public record Neighbour(String productId, double score) {}
