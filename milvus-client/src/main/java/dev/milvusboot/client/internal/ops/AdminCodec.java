package dev.milvusboot.client.internal.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.milvusboot.client.admin.CompactionState;
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
final class AdminCodec {

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
	static <Q, R> Rpc<Q, R> rpc(String operation, String collection, String description,
			MethodDescriptor<Q, R> method, Q request, Function<R, Status> statusOf) {
		return Rpc.of(operation, collection, method, request, statusOf).describedAs(description);
	}

	static dev.milvusboot.client.internal.proto.ConsistencyLevel toProto(ConsistencyLevel level) {
		return switch (level) {
			case STRONG -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Strong;
			case SESSION -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Session;
			case BOUNDED -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Bounded;
			case EVENTUALLY -> dev.milvusboot.client.internal.proto.ConsistencyLevel.Eventually;
		};
	}

	/** Our level, or {@code null} for a customized (or unknown) one. */
	static ConsistencyLevel fromProto(dev.milvusboot.client.internal.proto.ConsistencyLevel level) {
		return switch (level) {
			case Strong -> ConsistencyLevel.STRONG;
			case Session -> ConsistencyLevel.SESSION;
			case Bounded -> ConsistencyLevel.BOUNDED;
			case Eventually -> ConsistencyLevel.EVENTUALLY;
			default -> null;
		};
	}

	static LoadState fromProto(dev.milvusboot.client.internal.proto.LoadState state) {
		return switch (state) {
			case LoadStateNotLoad -> LoadState.NOT_LOADED;
			case LoadStateLoading -> LoadState.LOADING;
			case LoadStateLoaded -> LoadState.LOADED;
			default -> LoadState.NOT_EXIST;
		};
	}

	static IndexState fromProto(dev.milvusboot.client.internal.proto.IndexState state) {
		return switch (state) {
			case Unissued -> IndexState.UNISSUED;
			case InProgress -> IndexState.IN_PROGRESS;
			case Finished -> IndexState.FINISHED;
			case Failed -> IndexState.FAILED;
			case Retry -> IndexState.RETRY;
			default -> IndexState.NONE;
		};
	}

	static CompactionState fromProto(dev.milvusboot.client.internal.proto.CompactionState state) {
		return switch (state) {
			case Executing -> CompactionState.EXECUTING;
			case Completed -> CompactionState.COMPLETED;
			default -> CompactionState.UNDEFINED;
		};
	}

	// ---------------------------------------------------------------- JSON

	/** Writes numbers, strings, booleans, nulls, lists and maps as JSON. */
	static String toJson(Object value) {
		StringBuilder out = new StringBuilder();
		writeJson(value, out);
		return out.toString();
	}

	private static void writeJson(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
				|| value instanceof Float f && (f.isNaN() || f.isInfinite())) {
			throw new IllegalArgumentException("JSON has no " + value);
		}
		else if (value instanceof Number) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeString(String.valueOf(entry.getKey()), out);
				out.append(':');
				writeJson(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				writeJson(list.get(i), out);
			}
			out.append(']');
		}
		else {
			writeString(value.toString(), out);
		}
	}

	private static void writeString(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * Reads the members of a JSON object as text: strings unquoted, anything else (numbers, booleans, nested
	 * values) as written. Returns an empty map if the text is not a JSON object.
	 */
	static Map<String, String> jsonObjectMembers(String text) {
		Map<String, String> members = new LinkedHashMap<>();
		JsonReader reader = new JsonReader(text);
		try {
			reader.skipSpace();
			reader.expect('{');
			reader.skipSpace();
			if (reader.peek() == '}') {
				return members;
			}
			while (true) {
				reader.skipSpace();
				String key = reader.readString();
				reader.skipSpace();
				reader.expect(':');
				reader.skipSpace();
				String value = (reader.peek() == '"') ? reader.readString() : reader.readRaw();
				members.put(key, value);
				reader.skipSpace();
				char next = reader.next();
				if (next == '}') {
					return members;
				}
				if (next != ',') {
					return new LinkedHashMap<>();
				}
			}
		}
		catch (IllegalStateException | IndexOutOfBoundsException ex) {
			return new LinkedHashMap<>();
		}
	}

	private static final class JsonReader {

		private final String text;

		private int pos;

		JsonReader(String text) {
			this.text = text;
		}

		char peek() {
			return this.text.charAt(this.pos);
		}

		char next() {
			return this.text.charAt(this.pos++);
		}

		void expect(char c) {
			if (next() != c) {
				throw new IllegalStateException("expected " + c);
			}
		}

		void skipSpace() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

		String readString() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c == '\\') {
					char escaped = next();
					switch (escaped) {
						case 'n' -> out.append('\n');
						case 'r' -> out.append('\r');
						case 't' -> out.append('\t');
						case 'b' -> out.append('\b');
						case 'f' -> out.append('\f');
						case 'u' -> {
							out.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
							this.pos += 4;
						}
						default -> out.append(escaped);
					}
				}
				else {
					out.append(c);
				}
			}
		}

		/** A number, literal, array or object, as written. */
		String readRaw() {
			int start = this.pos;
			int depth = 0;
			while (this.pos < this.text.length()) {
				char c = peek();
				if (c == '"') {
					readString();
					continue;
				}
				if (c == '{' || c == '[') {
					depth++;
				}
				else if (c == '}' || c == ']') {
					if (depth == 0) {
						break;
					}
					depth--;
				}
				else if (c == ',' && depth == 0) {
					break;
				}
				this.pos++;
			}
			return this.text.substring(start, this.pos).trim();
		}

	}

	/** Joins names for messages: {@code 'a', 'b'}. */
	static String quoted(List<String> names) {
		List<String> quoted = new ArrayList<>(names.size());
		names.forEach((name) -> quoted.add("'" + name + "'"));
		return String.join(", ", quoted);
	}

}
