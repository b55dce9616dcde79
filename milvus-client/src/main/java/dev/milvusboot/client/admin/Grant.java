package dev.milvusboot.client.admin;

import java.util.Objects;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.Names;

/**
 * A privilege granted to a role on an object: a collection, the whole server ({@link ObjectType#GLOBAL}) or a
 * user. Made with {@link #onCollection}, {@link #global} or {@link #builder}; the grants a server lists also tell
 * who granted them.
 *
 * @param role the role that holds the privilege
 * @param objectType the kind of object
 * @param objectName the object's name, {@value #ALL_OBJECTS} for every object of its kind
 * @param privilege the privilege (or, on Milvus 2.5+, privilege group)
 * @param database the database, {@value #DEFAULT_DATABASE} for the server's default one, or {@value #ALL_OBJECTS}
 * for every one (Milvus 2.5+)
 * @param grantor the user who granted it, as the server lists it; empty in grants made by the client
 */
public record Grant(String role, ObjectType objectType, String objectName, Privilege privilege, String database,
		String grantor) {

	/** The object name meaning every object of the kind. */
	public static final String ALL_OBJECTS = "*";

	/** The database of a grant that names none: the server's default database. */
	public static final String DEFAULT_DATABASE = "";

	/**
	 * Checks the grant.
	 * @throws MilvusInvalidArgumentException naming the part that is missing or not a valid name
	 */
	public Grant {
		Names.requireValid(role, "role name");
		if (objectType == null) {
			throw new MilvusInvalidArgumentException("The object type of a grant to role '" + role + "' is missing");
		}
		if (!ALL_OBJECTS.equals(objectName)) {
			Names.requireValid(objectName, "object name of a grant to role '" + role + "'");
		}
		if (privilege == null) {
			throw new MilvusInvalidArgumentException("The privilege of a grant to role '" + role + "' is missing");
		}
		database = Objects.requireNonNullElse(database, DEFAULT_DATABASE);
		if (!database.isEmpty() && !ALL_OBJECTS.equals(database)) {
			Names.requireValid(database, "database name of a grant to role '" + role + "'");
		}
		grantor = Objects.requireNonNullElse(grantor, "");
	}

	/**
	 * A privilege on one collection (or {@value #ALL_OBJECTS}) of the default database.
	 * @param role the role
	 * @param privilege the privilege
	 * @param collection the collection
	 * @return the grant
	 */
	public static Grant onCollection(String role, Privilege privilege, String collection) {
		return builder(role, privilege).objectType(ObjectType.COLLECTION).objectName(collection).build();
	}

	/**
	 * A privilege on the whole server, such as {@link Privilege#CREATE_COLLECTION}.
	 * @param role the role
	 * @param privilege the privilege
	 * @return the grant
	 */
	public static Grant global(String role, Privilege privilege) {
		return builder(role, privilege).objectType(ObjectType.GLOBAL).build();
	}

	/**
	 * Starts a grant: by default on every collection ({@link ObjectType#COLLECTION}, {@value #ALL_OBJECTS}) of the
	 * default database.
	 * @param role the role
	 * @param privilege the privilege
	 * @return the builder
	 */
	public static Builder builder(String role, Privilege privilege) {
		return new Builder(role, privilege);
	}

	/** The kinds of object Milvus grants privileges on, with the names the protocol uses. */
	public enum ObjectType {

		/** A collection. */
		COLLECTION("Collection"),

		/** The whole server. */
		GLOBAL("Global"),

		/** A user. */
		USER("User");

		private final String wireName;

		ObjectType(String wireName) {
			this.wireName = wireName;
		}

		/** The name on the wire, for example {@code "Collection"}. */
		public String wireName() {
			return this.wireName;
		}

		/**
		 * The type of a name on the wire.
		 * @param wireName the name, for example {@code "Global"}
		 * @return the type
		 * @throws MilvusInvalidArgumentException for a name Milvus does not use
		 */
		public static ObjectType fromWireName(String wireName) {
			for (ObjectType type : values()) {
				if (type.wireName.equals(wireName)) {
					return type;
				}
			}
			throw new MilvusInvalidArgumentException("Unknown object type '" + wireName + "' of a grant");
		}

	}

	/** Builds a {@link Grant}. */
	public static final class Builder {

		private final String role;

		private final Privilege privilege;

		private ObjectType objectType = ObjectType.COLLECTION;

		private String objectName = ALL_OBJECTS;

		private String database = DEFAULT_DATABASE;

		private Builder(String role, Privilege privilege) {
			this.role = role;
			this.privilege = privilege;
		}

		/** The kind of object; default {@link ObjectType#COLLECTION}. */
		public Builder objectType(ObjectType objectType) {
			this.objectType = objectType;
			return this;
		}

		/** The object's name; default {@value Grant#ALL_OBJECTS}. */
		public Builder objectName(String objectName) {
			this.objectName = objectName;
			return this;
		}

		/** The database; default {@value Grant#DEFAULT_DATABASE}, the server's default one. */
		public Builder database(String database) {
			this.database = database;
			return this;
		}

		/**
		 * Checks and builds the grant.
		 * @return the grant
		 */
		public Grant build() {
			return new Grant(this.role, this.objectType, this.objectName, this.privilege, this.database, "");
		}

	}

}
