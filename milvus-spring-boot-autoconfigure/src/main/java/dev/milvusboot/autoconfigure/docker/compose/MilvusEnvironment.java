package dev.milvusboot.autoconfigure.docker.compose;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the environment of a {@code milvusdb/milvus} container says about authentication: Milvus reads
 * {@code COMMON_SECURITY_AUTHORIZATIONENABLED} and {@code COMMON_SECURITY_DEFAULTROOTPASSWORD} as its
 * {@code common.security.*} settings; the built-in user is {@code root}, its default password {@code Milvus}.
 */
class MilvusEnvironment {

	private final @Nullable String username;

	private final @Nullable String password;

	MilvusEnvironment(Map<String, @Nullable String> env) {
		if (Boolean.parseBoolean(env.get("COMMON_SECURITY_AUTHORIZATIONENABLED"))) {
			String password = env.get("COMMON_SECURITY_DEFAULTROOTPASSWORD");
			this.username = "root";
			this.password = (password != null && !password.isEmpty()) ? password : "Milvus";
		}
		else {
			this.username = null;
			this.password = null;
		}
	}

	@Nullable String getUsername() {
		return this.username;
	}

	@Nullable String getPassword() {
		return this.password;
	}

}
