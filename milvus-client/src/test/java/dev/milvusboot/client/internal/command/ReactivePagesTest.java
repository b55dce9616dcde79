package dev.milvusboot.client.internal.command;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The paging flux itself (no server): demand, completion, cancellation and failures of any kind. */
class ReactivePagesTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	/** Pages of two elements 0..5, then an empty page; counts the pages fetched. */
	private static Flux<Integer> sixInPagesOfTwo(AtomicInteger fetched) {
		return ReactivePages.flux(() -> CompletableFuture.completedFuture(new int[] { 0 }), (pager) -> {
			fetched.getAndIncrement();
			int first = pager[0];
			pager[0] += 2;
			return CompletableFuture.completedFuture((first < 6) ? List.of(first, first + 1) : List.of());
		});
	}

	@Test
	void emitsEveryElementThenCompletes() {
		AtomicInteger fetched = new AtomicInteger();
		StepVerifier.create(sixInPagesOfTwo(fetched)).expectNext(0, 1, 2, 3, 4, 5).expectComplete().verify(WAIT);
		assertThat(fetched).hasValue(4);
	}

	@Test
	void fetchesOnlyThePagesTheDemandNeeds() {
		AtomicInteger fetched = new AtomicInteger();
		StepVerifier.create(sixInPagesOfTwo(fetched), 3)
			.expectNext(0, 1, 2)
			.then(() -> assertThat(fetched).hasValue(2))
			.thenCancel()
			.verify(WAIT);
		assertThat(fetched).hasValue(2);
	}

	@Test
	void anErrorThrownWhileStartingEndsTheFluxWithIt() {
		Flux<Integer> pages = ReactivePages.<Object, Integer>flux(() -> {
			throw new OutOfMemoryError("unable to create native thread");
		}, (pager) -> CompletableFuture.completedFuture(List.of()));
		StepVerifier.create(pages)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(OutOfMemoryError.class)
				.hasMessage("unable to create native thread"))
			.verify(WAIT);
	}

	@Test
	void anErrorThrownByTheNextPageEndsTheFluxAfterTheElementsBeforeIt() {
		AtomicInteger calls = new AtomicInteger();
		Flux<Integer> pages = ReactivePages.<Object, Integer>flux(() -> CompletableFuture.completedFuture("pager"),
				(pager) -> {
					if (calls.getAndIncrement() == 0) {
						return CompletableFuture.completedFuture(List.of(7));
					}
					throw new StackOverflowError("deep");
				});
		StepVerifier.create(pages).expectNext(7).expectError(StackOverflowError.class).verify(WAIT);
	}

	@Test
	void aPageFailingLaterEndsTheFluxWithTheCause() {
		CompletableFuture<List<Integer>> later = new CompletableFuture<>();
		Flux<Integer> pages = ReactivePages.<Object, Integer>flux(() -> CompletableFuture.completedFuture("pager"),
				(pager) -> later);
		StepVerifier.create(pages)
			.then(() -> later.completeExceptionally(new IllegalStateException("server went away")))
			.expectErrorMessage("server went away")
			.verify(WAIT);
	}

	@Test
	void aPageFailingWithACheckedExceptionEndsTheFluxWithAMilvusExceptionAroundIt() {
		Flux<Integer> pages = ReactivePages.<Object, Integer>flux(() -> CompletableFuture.completedFuture("pager"),
				(pager) -> CompletableFuture.failedFuture(new java.io.IOException("pipe closed")));
		StepVerifier.create(pages)
			.expectErrorSatisfies((error) -> assertThat(error)
				.isInstanceOf(dev.milvusboot.client.exception.MilvusException.class)
				.hasCauseInstanceOf(java.io.IOException.class)
				.hasMessageContaining("pipe closed"))
			.verify(WAIT);
	}

}
