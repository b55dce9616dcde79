package dev.milvusboot.client.admin;

import java.util.List;

/**
 * A privilege group (Milvus 2.5+): a name for a set of privileges, granted like one privilege.
 *
 * @param name the group name
 * @param privileges the privileges in the group
 */
public record PrivilegeGroup(String name, List<Privilege> privileges) {

	public PrivilegeGroup {
		privileges = List.copyOf(privileges);
	}

}
