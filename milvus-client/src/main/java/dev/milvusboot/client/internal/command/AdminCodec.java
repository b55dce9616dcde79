package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.milvusboot.client.admin.CompactionState;
import dev.milvusboot.client.exception.MilvusException.ErrorDetails;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.internal.proto.Status;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexState;
import dev.milvusboot.client.schema.LoadState;
import io.grpc.MethodDescriptor;

/**
 * Conversions between the protocol's enums and ours for the administrative operations, plus the tiny JSON the
 * index parameters need. Internal API.
 */
public final class AdminCodec {

	private AdminCodec() {
	}

	/**
	 * Starts a call with a description naming what it concerns.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param operation the operation name for metrics, for example {@code createCollection}
	 * @param collection the collection concerned, or {@code null}
	 * @param description what the call does, for messages, for example {@code "create collection 'docs'"}
	 * @param method the gRPC method
	 * @param request the request
	 * @param statusOf finds the status in the response
	 * @return the call
	 */
	public static <Q, R> Rpc<Q, R> rpc(String operation, String collection, String description,
			MethodDescriptor<Q, R> method, Q request, Function<R, Status> statusOf) {
		return Rpc.of(operation, collection, method, request, statusOf).describedAs(description);
	}

	public static dev.milvusboot.client.internal.proto.ConsistencyLevel toProto(ConsistencyLevel level) {
		return switch (level) {
			case STRONG -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Strong;
			case SESSION -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Session;
			case BOUNDED -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Bounded;
			case EVENTUALLY -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Eventually;
		};
	}

	/** Our level, or {@code null} for a customized (or unknown) one. */
	public static ConsistencyLevel fromProto(dev.milvusboot.client.internal.proto.ConsistencyLevel level) {
		return switch (level) {
			case Strong -> ConsistencyLevel.STRONG;
			case Session -> ConsistencyLevel.SESSION;
			case Bounded -> ConsistencyLevel.BOUNDED;
			case Eventually -> ConsistencyLevel.EVENTUALLY;
			default -> null;
		};
	}

	public static LoadState fromProto(dev.milvusboot.client.internal.proto.LoadState state) {
		return switch (state) {
			case LoadStateNotLoad -> LoadState.NOT_LOADED;
			case LoadStateLoading -> LoadState.LOADING;
			case LoadStateLoaded -> LoadState.LOADED;
			default -> LoadState.NOT_EXIST;
		};
	}

	public static IndexState fromProto(dev.milvusboot.client.internal.proto.IndexState state) {
		return switch (state) {
			case Unissued -> IndexState.UNISSUED;
			case InProgress -> IndexState.IN_PROGRESS;
			case Finished -> IndexState.FINISHED;
			case Failed -> IndexState.FAILED;
			case Retry -> IndexState.RETRY;
			default -> IndexState.NONE;
		};
	}

	public static CompactionState fromProto(dev.milvusboot.client.internal.proto.CompactionState state) {
		return switch (state) {
			case Executing -> CompactionState.EXECUTING;
			case Completed -> CompactionState.COMPLETED;
			default -> CompactionState.UNDEFINED;
		};
	}

	/**
	 * The entry a server lists for a name it was asked to describe (a role, a user), described; a name it does not
	 * list is not found.
	 * @param <T> the entry type
	 * @param <D> the description type
	 * @param entries what the server listed
	 * @param nameOf the name of an entry
	 * @param name the name asked for
	 * @param type what the name is of
	 * @param describe describes the entry found
	 * @return the description
	 * @throws MilvusNotFoundException if no entry has the name
	 */
	static <T, D> D named(List<T> entries, Function<T, String> nameOf, String name, ResourceType type,
			Function<T, D> describe) {
		for (T entry : entries) {
			if (nameOf.apply(entry).equals(name)) {
				return describe.apply(entry);
			}
		}
		String kind = type.name().toLowerCase(java.util.Locale.ROOT);
		throw new MilvusNotFoundException("Describe " + kind + " '" + name + "' failed: the server has no " + kind + " '"
				+ name + "'", type, ErrorDetails.CLIENT, null);
	}

	// ---------------------------------------------------------------- JSON

	/** A value as JSON text (index build parameters). */
	public static String toJson(Object value) {
		return Json.write(value, "the index parameters");
	}

	/**
	 * Reads the members of a JSON object as text: strings unquoted, anything else (numbers, booleans, nested
	 * values) as JSON. Returns an empty map if the text is not a JSON object.
	 */
	public static Map<String, String> jsonObjectMembers(String text) {
		Map<String, String> members = new LinkedHashMap<>();
		Object parsed;
		try {
			parsed = Json.parse(text);
		}
		catch (RuntimeException ex) {
			return members;
		}
		if (parsed instanceof Map<?, ?> map) {
			map.forEach((key, value) -> members.put(String.valueOf(key),
					(value instanceof String string) ? string : Json.write(value, "an index parameter")));
		}
		return members;
	}

	/** Joins names for messages: {@code 'a', 'b'}. */
	public static String quoted(List<String> names) {
		List<String> quoted = new ArrayList<>(names.size());
		names.forEach((name) -> quoted.add("'" + name + "'"));
		return String.join(", ", quoted);
	}

}
