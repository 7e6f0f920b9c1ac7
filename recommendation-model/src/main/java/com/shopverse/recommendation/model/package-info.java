/**
 * The recommendation model shared by the Flink job (which keeps its inputs), the recommendation
 * service (which ranks from them) and the offline quality harness (which measures both with the
 * same code). Spring- and Flink-free on purpose.
 */
package com.shopverse.recommendation.model;
