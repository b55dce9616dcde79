/**
 * Rankers, as typed values: {@link RrfRanker} and {@link WeightedRanker} merge the hits of a hybrid search's
 * sub-searches; {@link BoostRanker} and {@link DecayRanker} ({@link FunctionRanker}s, Milvus 2.6) rescore the hits
 * of a search or hybrid search. Each checks its parameters when built and names the one that is wrong.
 */
package dev.milvusboot.client.data.rank;
