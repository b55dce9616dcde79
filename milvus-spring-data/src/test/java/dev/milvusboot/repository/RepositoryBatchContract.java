package dev.milvusboot.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.batch.KeysetItemReader;
import dev.milvusboot.repository.support.MilvusRepositoryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.data.RepositoryItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Batch 6 with a Milvus repository, on an in-memory (resourceless) job repository: a step writes 10,000
 * entities through Batch's {@code RepositoryItemWriter} in chunks of 500, the next reads them all back with a
 * {@link KeysetItemReader} over windows of 700 by key, and each entity comes back exactly once, as written.
 * Subclasses connect to their server.
 */
abstract class RepositoryBatchContract {

	static final int TOTAL = 10_000;

	static final int CHUNK = 500;

	static final List<Ledger> WRITTEN = ledger();

	static MilvusClient client;

	static MilvusTemplate template;

	static LedgerRepository repository;

	static void connect(String uri) {
		client = MilvusClient.create(uri);
		template = new MilvusTemplate(client);
		if (template.hasCollection(Ledger.class)) {
			template.dropCollection(Ledger.class);
		}
		template.createCollection(Ledger.class);
		repository = new MilvusRepositoryFactory(template).getRepository(LedgerRepository.class);
	}

	@AfterAll
	static void close() {
		try (MilvusClient closing = client) {
			template.dropCollection(Ledger.class);
		}
	}

	static List<Ledger> ledger() {
		List<Ledger> entries = new ArrayList<>(TOTAL);
		for (int i = 1; i <= TOTAL; i++) {
			// ids not in insertion order, so that key order is the reader's doing
			long id = (i * 7_919L) % 100_003;
			entries.add(new Ledger(id, "account-" + (i % 97), i * 13L - 5_000, new float[] { i % 10, 1 }));
		}
		return List.copyOf(entries);
	}

	@Test
	void aJobWritesTenThousandEntitiesInChunksAndReadsThemAllBackByKey() throws Exception {
		JobRepository jobs = new ResourcelessJobRepository();
		RepositoryItemWriter<Ledger> writer = new RepositoryItemWriter<>(repository);
		writer.afterPropertiesSet();
		Step write = new StepBuilder("write", jobs).<Ledger, Ledger>chunk(CHUNK)
			.reader(new ListItemReader<>(WRITTEN))
			.writer(writer)
			.build();
		List<Integer> chunks = new ArrayList<>();
		List<Ledger> read = new ArrayList<>();
		Step readBack = new StepBuilder("read", jobs).<Ledger, Ledger>chunk(CHUNK)
			.reader(new KeysetItemReader<>("ledger", repository::findFirst700By))
			.writer((chunk) -> {
				chunks.add(chunk.size());
				read.addAll(chunk.getItems());
			})
			.build();
		Job job = new JobBuilder("ledger", jobs).start(write).next(readBack).build();
		TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
		operator.setJobRepository(jobs);
		operator.setJobRegistry(new MapJobRegistry());
		operator.afterPropertiesSet();

		JobExecution execution = operator.start(job, new JobParameters());

		assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, StepExecution> steps = execution.getStepExecutions()
			.stream()
			.collect(Collectors.toMap(StepExecution::getStepName, Function.identity()));
		assertCounts(steps.get("write"));
		assertCounts(steps.get("read"));
		assertThat(repository.count()).isEqualTo(TOTAL);
		assertThat(chunks).hasSize(TOTAL / CHUNK).containsOnly(CHUNK);
		assertThat(read).hasSize(TOTAL);
		assertSameEntriesInKeyOrder(read);
	}

	@Test
	void aRestartedReaderGoesOnAfterTheKeysItSaved() {
		if (repository.count() != TOTAL) {
			repository.saveAll(WRITTEN);
		}
		ExecutionContext context = new ExecutionContext();
		KeysetItemReader<Ledger> first = new KeysetItemReader<>("ledger", repository::findFirst700By);
		first.open(context);
		List<Ledger> read = new ArrayList<>();
		for (int i = 0; i < 1_234; i++) {
			read.add(first.read());
		}
		first.update(context);
		first.close();
		assertThat(context.get("ledger.keys")).isEqualTo(Map.of("id", read.get(read.size() - 1).id()));

		KeysetItemReader<Ledger> restarted = new KeysetItemReader<>("ledger", repository::findFirst700By);
		restarted.open(context);
		for (int i = 0; i < 1_500; i++) {
			read.add(restarted.read());
		}
		restarted.close();
		assertThat(read).hasSize(2_734).doesNotContainNull();
		assertSameEntriesInKeyOrder(read);
	}

	private static void assertCounts(StepExecution step) {
		assertThat(step.getReadCount()).as(step.getStepName()).isEqualTo(TOTAL);
		assertThat(step.getWriteCount()).as(step.getStepName()).isEqualTo(TOTAL);
		assertThat(step.getCommitCount()).as(step.getStepName()).isEqualTo(TOTAL / CHUNK);
		assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	/**
	 * The entries written, each once, in ascending key order from the lowest key on, as many as were read (all for
	 * a whole read), with the values they were written with.
	 */
	private static void assertSameEntriesInKeyOrder(List<Ledger> read) {
		List<Ledger> expected = WRITTEN.stream()
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.limit(read.size())
			.toList();
		assertThat(read).extracting(Ledger::id).containsExactlyElementsOf(expected.stream().map(Ledger::id).toList());
		for (int i = 0; i < expected.size(); i++) {
			Ledger entry = read.get(i);
			Ledger written = expected.get(i);
			assertThat(entry.account()).as("account of %s", entry.id()).isEqualTo(written.account());
			assertThat(entry.cents()).as("cents of %s", entry.id()).isEqualTo(written.cents());
			assertThat(entry.v()).as("vector of %s", entry.id()).containsExactly(written.v());
		}
	}

}
