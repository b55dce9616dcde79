package dev.milvusboot.client.admin;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * A privilege, or a privilege group, as Milvus names it ({@code "Search"}, {@code "CollectionReadOnly"}). The
 * constants are the privileges and built-in groups Milvus has; {@link #of(String)} names any other, such as a
 * group of your own or a privilege a newer server added. A record rather than an enum because the set grows with
 * every server release and groups are user-defined.
 *
 * @param name the name Milvus uses, for example {@code "Search"}
 */
public record Privilege(String name) {

	/** Every privilege of the object ({@code "*"}). */
	public static final Privilege ALL = new Privilege("*");

	public static final Privilege SEARCH = new Privilege("Search");

	public static final Privilege QUERY = new Privilege("Query");

	public static final Privilege LOAD = new Privilege("Load");

	public static final Privilege RELEASE = new Privilege("Release");

	public static final Privilege GET_LOAD_STATE = new Privilege("GetLoadState");

	public static final Privilege GET_LOADING_PROGRESS = new Privilege("GetLoadingProgress");

	public static final Privilege INSERT = new Privilege("Insert");

	public static final Privilege UPSERT = new Privilege("Upsert");

	public static final Privilege DELETE = new Privilege("Delete");

	public static final Privilege FLUSH = new Privilege("Flush");

	public static final Privilege COMPACTION = new Privilege("Compaction");

	public static final Privilege GET_STATISTICS = new Privilege("GetStatistics");

	public static final Privilege CREATE_INDEX = new Privilege("CreateIndex");

	public static final Privilege INDEX_DETAIL = new Privilege("IndexDetail");

	public static final Privilege DROP_INDEX = new Privilege("DropIndex");

	public static final Privilege CREATE_PARTITION = new Privilege("CreatePartition");

	public static final Privilege DROP_PARTITION = new Privilege("DropPartition");

	public static final Privilege SHOW_PARTITIONS = new Privilege("ShowPartitions");

	public static final Privilege HAS_PARTITION = new Privilege("HasPartition");

	public static final Privilege CREATE_COLLECTION = new Privilege("CreateCollection");

	public static final Privilege DROP_COLLECTION = new Privilege("DropCollection");

	public static final Privilege DESCRIBE_COLLECTION = new Privilege("DescribeCollection");

	public static final Privilege SHOW_COLLECTIONS = new Privilege("ShowCollections");

	public static final Privilege RENAME_COLLECTION = new Privilege("RenameCollection");

	public static final Privilege CREATE_ALIAS = new Privilege("CreateAlias");

	public static final Privilege DROP_ALIAS = new Privilege("DropAlias");

	public static final Privilege CREATE_DATABASE = new Privilege("CreateDatabase");

	public static final Privilege DROP_DATABASE = new Privilege("DropDatabase");

	public static final Privilege LIST_DATABASES = new Privilege("ListDatabases");

	public static final Privilege CREATE_OWNERSHIP = new Privilege("CreateOwnership");

	public static final Privilege DROP_OWNERSHIP = new Privilege("DropOwnership");

	public static final Privilege SELECT_OWNERSHIP = new Privilege("SelectOwnership");

	public static final Privilege MANAGE_OWNERSHIP = new Privilege("ManageOwnership");

	public static final Privilege UPDATE_USER = new Privilege("UpdateUser");

	public static final Privilege SELECT_USER = new Privilege("SelectUser");

	/** Built-in group (Milvus 2.5+): reading a collection. */
	public static final Privilege COLLECTION_READ_ONLY = new Privilege("CollectionReadOnly");

	/** Built-in group (Milvus 2.5+): reading and writing a collection. */
	public static final Privilege COLLECTION_READ_WRITE = new Privilege("CollectionReadWrite");

	/** Built-in group (Milvus 2.5+): everything on a collection. */
	public static final Privilege COLLECTION_ADMIN = new Privilege("CollectionAdmin");

	/** Built-in group (Milvus 2.5+): reading a database. */
	public static final Privilege DATABASE_READ_ONLY = new Privilege("DatabaseReadOnly");

	/** Built-in group (Milvus 2.5+): reading and writing a database. */
	public static final Privilege DATABASE_READ_WRITE = new Privilege("DatabaseReadWrite");

	/** Built-in group (Milvus 2.5+): everything on a database. */
	public static final Privilege DATABASE_ADMIN = new Privilege("DatabaseAdmin");

	/** Built-in group (Milvus 2.5+): reading the cluster. */
	public static final Privilege CLUSTER_READ_ONLY = new Privilege("ClusterReadOnly");

	/** Built-in group (Milvus 2.5+): reading and writing the cluster. */
	public static final Privilege CLUSTER_READ_WRITE = new Privilege("ClusterReadWrite");

	/** Built-in group (Milvus 2.5+): everything on the cluster. */
	public static final Privilege CLUSTER_ADMIN = new Privilege("ClusterAdmin");

	/** The longest name accepted. */
	private static final int MAX_LENGTH = 255;

	/**
	 * Checks the name.
	 * @throws MilvusInvalidArgumentException if it is empty, too long or holds anything but letters, digits and
	 * underscores (or is not {@code "*"})
	 */
	public Privilege {
		if (name == null || name.isEmpty()) {
			throw new MilvusInvalidArgumentException("The privilege name must not be empty");
		}
		if (name.length() > MAX_LENGTH) {
			throw new MilvusInvalidArgumentException("The privilege name is " + name.length()
					+ " characters long; at most " + MAX_LENGTH + " are allowed");
		}
		if (!name.equals("*") && !name.chars().allMatch((c) -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
			throw new MilvusInvalidArgumentException("The privilege name '" + name
					+ "' may hold only letters, digits and underscores, or be '*'");
		}
	}

	/**
	 * A privilege or privilege group by name.
	 * @param name the name Milvus uses
	 * @return the privilege
	 */
	public static Privilege of(String name) {
		return new Privilege(name);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
