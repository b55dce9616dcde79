package dev.milvusboot.client.admin;

import java.util.List;

/**
 * A role and the users it is granted to.
 *
 * @param name the role name
 * @param users the users that have the role, as the server lists them
 */
public record RoleDescription(String name, List<String> users) {

	public RoleDescription {
		users = List.copyOf(users);
	}

}
