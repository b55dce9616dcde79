package dev.milvusboot.client.internal.proto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated protocol classes alone, against a real Milvus Lite: the classic workflow from connect to drop,
 * proving our .proto subset is wire-compatible.
 */
@MilvusLiteTest
class ProtocolSmokeTest {

	private static final int DIM = 8;

	private ManagedChannel channel;

	private MilvusServiceGrpc.MilvusServiceBlockingStub stub;

	@BeforeEach
	void connect(MilvusLite lite) {
		this.channel = NettyChannelBuilder.forAddress(lite.host(), lite.port()).usePlaintext().build();
		this.stub = MilvusServiceGrpc.newBlockingStub(this.channel).withDeadlineAfter(60, TimeUnit.SECONDS);
	}

	@AfterEach
	void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	private static void assertOk(Status status) {
		assertThat(status.getCode()).as(status.getReason()).isZero();
		assertThat(status.getErrorCodeValue()).as(status.getReason()).isZero();
	}

	private static float[] vector(int row) {
		float[] vector = new float[DIM];
		for (int i = 0; i < DIM; i++) {
			vector[i] = (float) Math.sin(row * 10 + i);
		}
		return vector;
	}

	@Test
	void whenTheClassicWorkflowRunsOnGeneratedStubsThenEachRowFindsItself(TestNames names) {
		ConnectResponse connect = this.stub.connect(ConnectRequest.newBuilder()
			.setClientInfo(ClientInfo.newBuilder().setSdkType("smoke-test").setSdkVersion("0"))
			.build());
		assertOk(connect.getStatus());
		GetVersionResponse version = this.stub.getVersion(GetVersionRequest.getDefaultInstance());
		assertOk(version.getStatus());
		assertThat(version.getVersion()).contains("3.2");
		CheckHealthResponse health = this.stub.checkHealth(CheckHealthRequest.getDefaultInstance());
		assertThat(health.getIsHealthy()).isTrue();

		String name = names.collection("smoke");
		CollectionSchema schema = CollectionSchema.newBuilder()
			.setName(name)
			.addFields(FieldSchema.newBuilder().setName("id").setDataType(DataType.Int64).setIsPrimaryKey(true))
			.addFields(FieldSchema.newBuilder()
				.setName("vector")
				.setDataType(DataType.FloatVector)
				.addTypeParams(KeyValuePair.newBuilder().setKey("dim").setValue(Integer.toString(DIM))))
			.build();
		assertOk(this.stub.createCollection(CreateCollectionRequest.newBuilder()
			.setCollectionName(name)
			.setSchema(schema.toByteString())
			.setShardsNum(1)
			.build()));

		FloatArray.Builder floats = FloatArray.newBuilder();
		for (int row = 0; row < 3; row++) {
			for (float value : vector(row)) {
				floats.addData(value);
			}
		}
		MutationResult inserted = this.stub.insert(InsertRequest.newBuilder()
			.setCollectionName(name)
			.setNumRows(3)
			.addFieldsData(FieldData.newBuilder()
				.setFieldName("id")
				.setType(DataType.Int64)
				.setScalars(ScalarField.newBuilder().setLongData(LongArray.newBuilder().addData(10).addData(11).addData(12))))
			.addFieldsData(FieldData.newBuilder()
				.setFieldName("vector")
				.setType(DataType.FloatVector)
				.setVectors(VectorField.newBuilder().setDim(DIM).setFloatVector(floats)))
			.build());
		assertOk(inserted.getStatus());
		assertThat(inserted.getInsertCnt()).isEqualTo(3);
		assertThat(inserted.getIDs().getIntId().getDataList()).containsExactly(10L, 11L, 12L);

		assertOk(this.stub.flush(FlushRequest.newBuilder().addCollectionNames(name).build()).getStatus());
		assertOk(this.stub.createIndex(CreateIndexRequest.newBuilder()
			.setCollectionName(name)
			.setFieldName("vector")
			.addExtraParams(KeyValuePair.newBuilder().setKey("index_type").setValue("FLAT"))
			.addExtraParams(KeyValuePair.newBuilder().setKey("metric_type").setValue("L2"))
			.addExtraParams(KeyValuePair.newBuilder().setKey("params").setValue("{}"))
			.build()));
		assertOk(this.stub.loadCollection(LoadCollectionRequest.newBuilder().setCollectionName(name).build()));

		PlaceholderValue.Builder queries = PlaceholderValue.newBuilder().setTag("$0").setType(PlaceholderType.FloatVector);
		for (int row = 0; row < 3; row++) {
			ByteBuffer bytes = ByteBuffer.allocate(DIM * 4).order(ByteOrder.LITTLE_ENDIAN);
			bytes.asFloatBuffer().put(vector(row));
			queries.addValues(ByteString.copyFrom(bytes.array()));
		}
		SearchResults results = this.stub.search(SearchRequest.newBuilder()
			.setCollectionName(name)
			.setDslType(DslType.BoolExprV1)
			.setPlaceholderGroup(PlaceholderGroup.newBuilder().addPlaceholders(queries).build().toByteString())
			.setNq(3)
			.addSearchParams(KeyValuePair.newBuilder().setKey("anns_field").setValue("vector"))
			.addSearchParams(KeyValuePair.newBuilder().setKey("topk").setValue("2"))
			.addSearchParams(KeyValuePair.newBuilder().setKey("metric_type").setValue("L2"))
			.addSearchParams(KeyValuePair.newBuilder().setKey("params").setValue("{}"))
			.build());
		assertOk(results.getStatus());
		SearchResultData data = results.getResults();
		assertThat(data.getNumQueries()).isEqualTo(3);
		assertThat(data.getTopksList()).containsExactly(2L, 2L, 2L);
		for (int query = 0; query < 3; query++) {
			assertThat(data.getIds().getIntId().getData(query * 2)).isEqualTo(10L + query);
			assertThat(data.getScores(query * 2)).isLessThan(1e-4f);
		}

		assertOk(this.stub.dropCollection(DropCollectionRequest.newBuilder().setCollectionName(name).build()));
		assertThat(this.stub.hasCollection(HasCollectionRequest.newBuilder().setCollectionName(name).build()).getValue())
			.isFalse();
	}

}
