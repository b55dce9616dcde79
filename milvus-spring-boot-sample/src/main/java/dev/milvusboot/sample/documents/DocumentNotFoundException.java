package dev.milvusboot.sample.documents;

/**
 * No document has the id asked for; answered with 404.
 */
final class DocumentNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	DocumentNotFoundException(long id) {
		super("No document with id " + id);
	}

}
