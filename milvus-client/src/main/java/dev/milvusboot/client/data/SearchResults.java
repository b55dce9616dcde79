package dev.milvusboot.client.data;

import java.util.Iterator;
import java.util.List;

/**
 * The hits of a search: one list per query vector, best first.
 */
public final class SearchResults implements Iterable<List<Hit>> {

	private final List<List<Hit>> hits;

	/**
	 * Holds hits.
	 * @param hits one list of hits per query vector
	 */
	public SearchResults(List<List<Hit>> hits) {
		this.hits = hits;
	}

	/** The number of query vectors. */
	public int size() {
		return this.hits.size();
	}

	/**
	 * The hits of one query vector, best first.
	 * @param query the index of the query vector
	 * @return its hits
	 */
	public List<Hit> hits(int query) {
		return this.hits.get(query);
	}

	/** The hits of the only (or first) query vector. */
	public List<Hit> first() {
		return this.hits.isEmpty() ? List.of() : this.hits.get(0);
	}

	@Override
	public Iterator<List<Hit>> iterator() {
		return this.hits.iterator();
	}

	@Override
	public String toString() {
		return "SearchResults[" + this.hits.size() + " queries]";
	}

}
