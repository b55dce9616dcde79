package dev.milvusboot.client.data;

import java.util.Iterator;
import java.util.List;

/**
 * Pages through the hits of one query vector beyond what one search returns, best first. Each page continues
 * from the last score seen (a range search), leaving out the hits already returned.
 */
public interface SearchIterator extends Iterator<List<Hit>> {

}
