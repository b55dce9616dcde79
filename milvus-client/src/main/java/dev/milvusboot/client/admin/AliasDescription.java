package dev.milvusboot.client.admin;

/**
 * An alias and the collection it points to.
 *
 * @param alias the alias
 * @param collection the collection
 * @param database the database, or an empty string when the server does not say
 */
public record AliasDescription(String alias, String collection, String database) {

}
