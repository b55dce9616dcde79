package dev.milvusboot.repository.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.util.Assert;

/**
 * A restartable Spring Batch reader over a repository method returning key-based windows: it reads the first
 * window, hands out its items one by one, then reads the window after the last item, until a window says there is
 * no more. With a Milvus repository method such as
 * {@code Window<Article> findFirst500ByTopic(String topic, ScrollPosition position)}:
 *
 * <pre class="code">
 * ItemReader&lt;Article&gt; reader = new KeysetItemReader&lt;&gt;("articles",
 *         (position) -&gt; repository.findFirst500ByTopic("ai", position));
 * </pre>
 *
 * Milvus repositories scroll forward by primary key (the next window is {@code id > last}, as many as
 * {@code Top}/{@code First} or a {@code Limit} say), so no offset is sent and a read goes past Milvus' offset +
 * limit window of 16,384. Each window asks the server for its own keys, checks with a count that they are the lowest
 * after its position (Milvus 2.3 returns them) and fetches their entities; where the server returns others (Milvus
 * Lite 3.2), each window reads every matching key after its position, and larger windows read fewer keys again.
 * <p>
 * At each commit the keys of the last item read are saved in the step's {@code ExecutionContext} (under
 * {@code <name>.keys}); a restarted step reads on after them. Windows must have keyset positions. Not thread-safe:
 * for a multi-threaded step, wrap it in a {@code SynchronizedItemStreamReader}.
 *
 * @param <T> the item type
 */
public class KeysetItemReader<T> extends ItemStreamSupport implements ItemStreamReader<T> {

	private static final String KEYS = "keys";

	private final Function<ScrollPosition, Window<T>> windows;

	private ScrollPosition last = ScrollPosition.keyset();

	private Window<T> window;

	private int next;

	/**
	 * A reader of the windows a function returns.
	 * @param name the name of this reader in the execution context, unique in its step
	 * @param windows the window starting after a position, typically a repository method taking a
	 * {@code ScrollPosition} (it gets {@code ScrollPosition.keyset()} first, then the position of the last item read)
	 */
	public KeysetItemReader(String name, Function<ScrollPosition, Window<T>> windows) {
		Assert.hasText(name, "A KeysetItemReader needs a name");
		Assert.notNull(windows, "A KeysetItemReader needs a function returning windows");
		setName(name);
		this.windows = windows;
	}

	/**
	 * Starts at the beginning, or after the keys a previous run of the step saved.
	 * @param executionContext the step's context
	 */
	@Override
	@SuppressWarnings("unchecked")
	public void open(ExecutionContext executionContext) {
		Object keys = executionContext.get(getExecutionContextKey(KEYS));
		this.last = (keys instanceof Map<?, ?> saved) ? ScrollPosition.forward((Map<String, ?>) saved)
				: ScrollPosition.keyset();
		this.window = null;
		this.next = 0;
	}

	/**
	 * The next item, reading the next window when the current one is used up.
	 * @return the item, or {@code null} after the last one
	 */
	@Override
	public T read() {
		if (this.window == null || (this.next >= this.window.size() && this.window.hasNext())) {
			this.window = this.windows.apply(this.last);
			this.next = 0;
		}
		if (this.next >= this.window.size()) {
			return null;
		}
		ScrollPosition position = this.window.positionAt(this.next);
		if (!(position instanceof KeysetScrollPosition)) {
			throw new ItemStreamException(
					getName() + " reads key-based windows, but the window's position is " + position);
		}
		this.last = position;
		return this.window.getContent().get(this.next++);
	}

	/**
	 * Saves the keys of the last item read.
	 * @param executionContext the step's context
	 */
	@Override
	public void update(ExecutionContext executionContext) {
		if (this.last instanceof KeysetScrollPosition keyset && !keyset.isInitial()) {
			executionContext.put(getExecutionContextKey(KEYS), new LinkedHashMap<>(keyset.getKeys()));
		}
	}

	@Override
	public void close() {
		this.window = null;
	}

}
