package dev.milvusboot.autoconfigure.observation;

import dev.milvusboot.client.MilvusCallListener.MilvusCallContext;
import dev.milvusboot.client.MilvusEndpoint;
import dev.milvusboot.client.exception.MilvusException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * {@link Observation.Context} of one Milvus client operation: a {@link Kind#CLIENT client} call to the
 * {@code milvus} remote service. Carries what is being called and, once done, the row or vector count or the
 * failure.
 *
 * @since 0.1.0
 */
public class MilvusObservationContext extends SenderContext<Object> {

	private final MilvusCallContext call;

	private long count;

	/**
	 * Creates a context for a call.
	 * @param call what is being called
	 */
	public MilvusObservationContext(MilvusCallContext call) {
		// Nothing to propagate: the call's headers are the client's own
		super((carrier, key, value) -> {
		}, Kind.CLIENT);
		this.call = call;
		setRemoteServiceName("milvus");
		MilvusEndpoint endpoint = call.endpoint();
		if (endpoint != null) {
			setRemoteServiceAddress((endpoint.secure() ? "https://" : "http://") + endpoint.address());
		}
	}

	/**
	 * The operation, in lower camel case (for example {@code search}).
	 * @return the operation
	 */
	public String getOperation() {
		return this.call.operation();
	}

	/**
	 * The collection concerned.
	 * @return the collection, or {@code null}
	 */
	public @Nullable String getCollection() {
		return this.call.collection();
	}

	/**
	 * The database used.
	 * @return the database, or {@code null} for the server's default
	 */
	public @Nullable String getDatabase() {
		return this.call.database();
	}

	/**
	 * The server called.
	 * @return the endpoint
	 */
	public MilvusEndpoint getEndpoint() {
		return this.call.endpoint();
	}

	/**
	 * What the client said of the call.
	 * @return the call context
	 */
	public MilvusCallContext getCall() {
		return this.call;
	}

	/**
	 * The rows inserted, upserted or deleted, or the query vectors searched, by a successful call.
	 * @return the count, {@code 0} otherwise
	 */
	public long getCount() {
		return this.count;
	}

	/**
	 * Sets the count of a successful call.
	 * @param count the count
	 */
	public void setCount(long count) {
		this.count = count;
	}

	/**
	 * The failure of the call, as the client reported it.
	 * @return the failure, or {@code null} if the call did not fail (yet)
	 */
	public @Nullable MilvusException getMilvusException() {
		return (getError() instanceof MilvusException ex) ? ex : null;
	}

}
