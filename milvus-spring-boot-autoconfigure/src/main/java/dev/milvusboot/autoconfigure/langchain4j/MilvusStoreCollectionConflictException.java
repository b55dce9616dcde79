package dev.milvusboot.autoconfigure.langchain4j;

/**
 * Thrown at start-up when the auto-configured LangChain4j embedding store and a Spring AI vector store on the same
 * Milvus client would use the same collection of the same database: the two stores write rows of different
 * schemas, so one of them is configured by mistake.
 *
 * @since 0.1.0
 */
public class MilvusStoreCollectionConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String database;

	private final String collection;

	/**
	 * Creates the exception.
	 * @param database the database both stores use
	 * @param collection the collection both stores use
	 */
	public MilvusStoreCollectionConflictException(String database, String collection) {
		super("The LangChain4j EmbeddingStore (milvus.langchain4j.collection) and the Spring AI VectorStore "
				+ "(spring.ai.vectorstore.milvus.collection-name) would both use the Milvus collection '" + collection
				+ "' in database '" + database + "', with different schemas. Give milvus.langchain4j.collection "
				+ "(or milvus.langchain4j.database) another value, or set milvus.langchain4j.enabled=false to keep "
				+ "only the Spring AI store.");
		this.database = database;
		this.collection = collection;
	}

	/**
	 * The database both stores use.
	 * @return the database name
	 */
	public String getDatabase() {
		return this.database;
	}

	/**
	 * The collection both stores use.
	 * @return the collection name
	 */
	public String getCollection() {
		return this.collection;
	}

}
