package dev.milvusboot.client.admin;

import java.util.List;

/**
 * A user and the roles granted to it. Never holds the password.
 *
 * @param name the user name
 * @param roles the user's roles, as the server lists them
 */
public record UserDescription(String name, List<String> roles) {

	public UserDescription {
		roles = List.copyOf(roles);
	}

}
