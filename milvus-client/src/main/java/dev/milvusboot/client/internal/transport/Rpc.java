package dev.milvusboot.client.internal.transport;

import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.milvusboot.client.internal.proto.Status;
import io.grpc.MethodDescriptor;

/**
 * One remote operation ready to be sent: the gRPC method, the request, how to find the Milvus status in the
 * response, whether repeating it is safe, and what it concerns (for messages and metrics). Internal API.
 *
 * @param <Q> the request type
 * @param <R> the response type
 * @param operation the operation name in lower camel case, for metrics
 * @param description what the call does, for messages (for example {@code "search in collection 'docs'"})
 * @param collection the collection concerned, or {@code null}
 * @param method the gRPC method
 * @param request the request
 * @param statusOf finds the Milvus status in a response
 * @param idempotent whether a retry after an ambiguous transport failure is safe
 * @param countOf the rows or vectors a successful response accounts for, for metrics
 */
public record Rpc<Q, R>(String operation, String description, String collection, MethodDescriptor<Q, R> method,
		Q request, Function<R, Status> statusOf, boolean idempotent, ToLongFunction<R> countOf) {

	/**
	 * Starts an idempotent call whose response carries its status.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param operation the operation name
	 * @param collection the collection concerned, or {@code null}
	 * @param method the gRPC method
	 * @param request the request
	 * @param statusOf finds the status in the response
	 * @return the call
	 */
	public static <Q, R> Rpc<Q, R> of(String operation, String collection, MethodDescriptor<Q, R> method, Q request,
			Function<R, Status> statusOf) {
		String description = (collection != null) ? operation + " on collection '" + collection + "'" : operation;
		return new Rpc<>(operation, description, collection, method, request, statusOf, true, (response) -> 0);
	}

	/** Returns this call with another description for messages. */
	public Rpc<Q, R> describedAs(String description) {
		return new Rpc<>(this.operation, description, this.collection, this.method, this.request, this.statusOf,
				this.idempotent, this.countOf);
	}

	/** Returns this call marked as unsafe to repeat after an ambiguous failure (for example an auto-id insert). */
	public Rpc<Q, R> nonIdempotent() {
		return new Rpc<>(this.operation, this.description, this.collection, this.method, this.request, this.statusOf,
				false, this.countOf);
	}

	/** Returns this call with a count reported to listeners on success. */
	public Rpc<Q, R> counting(ToLongFunction<R> countOf) {
		return new Rpc<>(this.operation, this.description, this.collection, this.method, this.request, this.statusOf,
				this.idempotent, countOf);
	}

}
