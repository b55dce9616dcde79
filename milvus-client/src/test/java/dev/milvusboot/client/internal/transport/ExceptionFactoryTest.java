package dev.milvusboot.client.internal.transport;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusPermissionDeniedException;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.proto.ErrorCode;
import dev.milvusboot.client.internal.proto.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statuses the local servers actually send, and the exception each becomes. Every row was collected on
 * 6 December 2026 by sending the request named in its comment (raw gRPC, pymilvus 3.0.2's generated stubs) to a
 * collection {@code probe_c} with fields {@code id} (int64 key), {@code vector} (float, dim 4), {@code title}
 * (varchar 64) and {@code n} (int64), on Milvus Lite 3.2.2, Milvus Lite 2.5.1 and Milvus 2.3.5 standalone as
 * milvus-local starts them. Columns: server, request, legacy {@code error_code}, {@code code}, {@code reason},
 * expected exception.
 */
class ExceptionFactoryTest {

	private static final String LITE_32 = "Milvus Lite 3.2.2";

	private static final String LITE_25 = "Milvus Lite 2.5.1";

	private static final String MILVUS_23 = "Milvus 2.3.5";

	static Stream<Arguments> statuses() {
		return Stream.of(
				// Milvus Lite 3.2: legacy code 6 (its IllegalArgument, not in common.proto) as both codes
				row(LITE_32, "query, filter: title == \"abc", 6, 6,
						"unterminated string literal at column 10\n  title == \"abc\n           ^",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "query, filter: (n > 1", 6, 6, "expected ')' got '' at column 7\n  (n > 1\n        ^",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "query, filter: n > 1; n < 3", 6, 6,
						"unexpected character ';' at column 6\n  n > 1; n < 3\n       ^",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "search, filter: n == \"x\"", 6, 6,
						"comparison '==' between incompatible types at column 3\n  n == \"x\"\n    ^^\n"
								+ "left side is int (field 'n'), right side is string",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "delete, filter: nosuch > 1", 6, 6,
						"unknown field 'nosuch' at column 1\n  nosuch > 1\n  ^^^^^^\n"
								+ "available fields: ['id', 'n', 'title', 'vector']",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "query, filter: n in [\"a\", \"b\"]", 6, 6,
						"'in' list elements (string) incompatible with field 'n' (int) at column 3\n"
								+ "  n in [\"a\", \"b\"]\n    ^^",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "insert, vector of dimension 8 into dim 4", 6, 6, "vector field 'vector' expected dim 4, got 8",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "insert, title of 100 characters into varchar 64", 6, 6,
						"VARCHAR field 'title' value length 100 exceeds max_length=64",
						MilvusInvalidArgumentException.class),
				row(LITE_32, "createIndex on field nosuch", 6, 6, "unknown field 'nosuch' for create_index",
						MilvusInvalidArgumentException.class),
				// ... and also for other failures, which its reason tells
				row(LITE_32, "dropDatabase of unknown database", 6, 6,
						"database 'db_missing_227d7a8f_abeb2b_1' does not exist", MilvusNotFoundException.class),
				row(LITE_32, "createDatabase twice", 6, 6, "database 'db_twice_227d7a8f_abeb2b_4' already exists",
						MilvusAlreadyExistsException.class),
				row(LITE_32, "query of collection nosuch_coll_x", 4, 100,
						"collection 'nosuch_coll_x' does not exist", MilvusNotFoundException.class),
				row(LITE_32, "createCollection probe_c again", 1, 1, "collection 'probe_c' already exists",
						MilvusAlreadyExistsException.class),
				// Milvus Lite 2.5: code 1100 (parameter invalid), legacy code 0
				row(LITE_25, "query, filter: title == \"abc", 0, 1100,
						"Invalid expr: title == \"abc: invalid parameter", MilvusInvalidArgumentException.class),
				row(LITE_25, "search, filter: nosuch > 1", 0, 1100, "Invalid expr: nosuch > 1: invalid parameter",
						MilvusInvalidArgumentException.class),
				row(LITE_25, "query, filter: title > 5", 0, 1100, "Invalid expr: title > 5: invalid parameter",
						MilvusInvalidArgumentException.class),
				row(LITE_25, "query, limit 20000", 0, 1100,
						"limit should be in range [1, 16384], but got 20000: invalid parameter",
						MilvusInvalidArgumentException.class),
				row(LITE_25, "search, anns_field nosuch", 0, 1100, "fieldName(nosuch) not found: invalid parameter",
						MilvusInvalidArgumentException.class),
				// Milvus Lite 2.5: code 2000 (segcore error) for a list literal of the wrong type
				row(LITE_25, "query, filter: n in [\"a\", \"b\"]", 0, 2000,
						"Operator::GetOutput failed for [Operator:PhyFilterBitsNode, plan node id: 46] : Assert "
								+ "\"(value_proto.val_case() == milvus::proto::plan::GenericValue::kInt64Val)\"  at "
								+ "/workspace/milvus-lite/thirdparty/milvus/internal/core/src/exec/expression/Utils.h:130\n"
								+ ": segcore error",
						MilvusInvalidArgumentException.class),
				row(LITE_25, "query, filter: title in [1]", 0, 2000,
						"Operator::GetOutput failed for [Operator:PhyFilterBitsNode, plan node id: 42] : Assert "
								+ "\"(value_proto.val_case() == milvus::proto::plan::GenericValue::kStringVal)\"  at "
								+ "/workspace/milvus-lite/thirdparty/milvus/internal/core/src/exec/expression/Utils.h:145\n"
								+ ": segcore error",
						MilvusInvalidArgumentException.class),
				// (the quick collection of MilvusClient#createCollection(name, 4, L2, false): dynamic field on)
				row(LITE_25, "query, filter: id >", 0, 2000,
						" => expr type check failed, actual type: JSON at "
								+ "/workspace/milvus-lite/thirdparty/milvus/internal/core/src/query/PlanProto.cpp:550\n"
								+ ": segcore error",
						MilvusInvalidArgumentException.class),
				row(LITE_25, "search, vector of dimension 8 in dim 4", 0, 2000,
						" => vector dimension mismatch, expected vector size(byte) 16, actual 32. at "
								+ "/workspace/milvus-lite/thirdparty/milvus/internal/core/src/query/Plan.cpp:63\n"
								+ ": segcore error",
						MilvusInvalidArgumentException.class),
				row(LITE_25, "createIndex, metric NOPE", 0, 65535,
						"metric type NOPE not found or not supported, supported: L2 IP COSINE: ",
						MilvusInvalidArgumentException.class),
				row(LITE_25, "query of collection nosuch_coll_x", 0, 100, "collection not found",
						MilvusNotFoundException.class),
				// Milvus 2.3: legacy 1 and code 65535 (unexpected) with the parser's words, or 5 and 1100
				row(MILVUS_23, "query, filter: (n > 1", 1, 65535,
						"cannot parse expression: (n > 1, error: line 1:6 missing ')' at '<EOF>'",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "query, filter: n > 1; n < 3", 1, 65535,
						"cannot parse expression: n > 1; n < 3, error: line 1:5 token recognition error at: ';'",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "query, filter: nosuch > 1", 1, 65535,
						"cannot parse expression: nosuch > 1, error: field nosuch not exist",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "query, filter: n == true", 1, 65535,
						"cannot parse expression: n == true, error: comparisons between Int64, element_type: None and "
								+ "Bool elementType: None are not supported",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "search, filter: title == \"abc", 1, 65535,
						"failed to create query plan: cannot parse expression: title == \"abc, error: line 1:13 "
								+ "mismatched input '<EOF>' expecting {'(', '[', EXISTS, '+', '-', '~', NOT, JSONContains, "
								+ "JSONContainsAll, JSONContainsAny, ArrayContains, ArrayContainsAll, ArrayContainsAny, "
								+ "ArrayLength, BooleanConstant, IntegerConstant, FloatingConstant, Identifier, "
								+ "StringLiteral, JSONIdentifier}",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "search, filter: nosuch > 1", 1, 65535,
						"failed to create query plan: cannot parse expression: nosuch > 1, error: field nosuch not exist",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "search, anns_field nosuch", 1, 65535,
						"failed to create query plan: failed to get field schema by name: fieldName(nosuch) not found",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "delete, filter: (n > 1", 1, 65535, "failed to create expr plan, expr = (n > 1",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "delete, filter: nosuch > 1", 1, 65535, "failed to create expr plan, expr = nosuch > 1",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "createCollection, dim 40000", 1, 65535,
						"invalid dimension: 40000. should be in range 1 ~ 32768", MilvusInvalidArgumentException.class),
				row(MILVUS_23, "createIndex, metric NOPE", 1, 65535,
						"metric type not found or not supported, supported: [L2 IP COSINE]",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "search, topk 20000", 1, 65535,
						"topk [20000] is invalid, top k should be in range [1, 16384], but got 20000",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "insert, title of 100 characters into varchar 64", 5, 1100,
						"the length (100) of 0th string exceeds max length (64): invalid parameter"
								+ "[expected=valid length string][actual=string length exceeds max length]",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "createCollection, name 1x-y", 5, 1100,
						"Invalid collection name: 1x-y. the first character of a collection name must be an underscore "
								+ "or letter: invalid parameter",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "query of collection nosuch_coll_x", 4, 100,
						"collection not found[database=default][collection=nosuch_coll_x]",
						MilvusNotFoundException.class),
				// Milvus 2.3 with authorization on, roles and users (legacy codes CreateRoleFailure = 35,
				// DropRoleFailure = 36, OperateUserRoleFailure = 37, OperatePrivilegeFailure = 41,
				// SelectGrantFailure = 42, UnexpectedError = 1)
				row(MILVUS_23, "createRole r1 a second time", 35, 65535, "role [name:\"r1\"] already exists",
						MilvusAlreadyExistsException.class),
				row(MILVUS_23, "operateUserRole, unknown user", 37, 65535,
						"not found the user, maybe the user isn't existed or internal system error",
						MilvusNotFoundException.class),
				row(MILVUS_23, "operateUserRole, unknown role", 37, 65535,
						"not found the role, maybe the role isn't existed or internal system error",
						MilvusNotFoundException.class),
				row(MILVUS_23, "operatePrivilege, unknown role", 41, 65535,
						"not found the role, maybe the role isn't existed or internal system error",
						MilvusNotFoundException.class),
				row(MILVUS_23, "operatePrivilege, privilege NoSuch", 41, 65535, "not found the privilege name[NoSuch]",
						MilvusInvalidArgumentException.class),
				row(MILVUS_23, "dropRole of a role with grants", 36, 65535,
						"fail to drop the role that it has privileges. Use REVOKE API to revoke privileges",
						MilvusException.class),
				row(MILVUS_23, "dropRole, unknown role", 36, 65535,
						"not found the role, maybe the role isn't existed or internal system error",
						MilvusNotFoundException.class),
				row(MILVUS_23, "selectGrant, unknown role", 42, 65535,
						"not found the role, maybe the role isn't existed or internal system error",
						MilvusNotFoundException.class),
				row(MILVUS_23, "updateCredential, wrong old password", 1, 1400,
						"old password not correct for u1: not authenticated", MilvusUnauthenticatedException.class));
	}

	private static Arguments row(String server, String request, int errorCode, int code, String reason,
			Class<? extends MilvusException> expected) {
		return Arguments.of(server, request, errorCode, code, reason, expected);
	}

	@ParameterizedTest(name = "{0}: {1} -> {5}")
	@MethodSource("statuses")
	void eachCollectedStatusBecomesItsException(String server, String request, int errorCode, int code, String reason,
			Class<? extends MilvusException> expected) {
		Status status = Status.newBuilder()
			.setErrorCodeValue(errorCode)
			.setCode(code)
			.setReason(reason)
			.build();

		MilvusException exception = ExceptionFactory.fromStatus(status, "query of collection 'probe_c'");

		assertThat(exception).isExactlyInstanceOf(expected);
		assertThat(exception.getMessage()).startsWith("Query of collection 'probe_c' failed: ").contains(reason);
		assertThat(exception.errorCode()).isEqualTo((code != 0) ? code : errorCode);
		assertThat(exception.reason()).isEqualTo(reason);
		assertThat(exception.isRetryable()).isFalse();
	}

	/** gRPC failures the servers sent to the role and privilege operations (2026-12-06, our client). */
	static Stream<Arguments> grpcFailures() {
		return Stream.of(
				Arguments.of(LITE_32, "list roles", io.grpc.Status.UNIMPLEMENTED.withDescription("Method not implemented!"),
						MilvusUnsupportedException.class),
				Arguments.of(LITE_25, "list roles", io.grpc.Status.UNIMPLEMENTED, MilvusUnsupportedException.class),
				Arguments.of(MILVUS_23, "create privilege group 'readers'", io.grpc.Status.UNIMPLEMENTED
					.withDescription("unknown method CreatePrivilegeGroup for service milvus.proto.milvus.MilvusService"),
						MilvusUnsupportedException.class),
				Arguments.of(MILVUS_23, "insert by a user without the privilege", io.grpc.Status.PERMISSION_DENIED
					.withDescription("PrivilegeInsert: permission deny to rbac_reader_user"),
						MilvusPermissionDeniedException.class));
	}

	@ParameterizedTest(name = "{0}: {1} -> {3}")
	@MethodSource("grpcFailures")
	void eachCollectedGrpcFailureBecomesItsException(String server, String request, io.grpc.Status status,
			Class<? extends MilvusException> expected) {
		MilvusException exception = ExceptionFactory.fromGrpc(status.asRuntimeException(), request, "127.0.0.1:19530");

		assertThat(exception).isExactlyInstanceOf(expected);
		assertThat(exception.grpcCode()).isEqualTo(status.getCode().name());
		assertThat(exception.getMessage()).containsIgnoringCase(request);
		assertThat(exception.isRetryable()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("successes")
	void onlyBothCodesZeroIsASuccess(String label, int errorCode, int code, boolean success) {
		Status status = Status.newBuilder().setErrorCodeValue(errorCode).setCode(code).build();
		assertThat(ExceptionFactory.isSuccess(status)).isEqualTo(success);
	}

	static Stream<Arguments> successes() {
		return Stream.of(Arguments.of("both zero", 0, 0, true), Arguments.of("legacy only (Lite 3.2)", 6, 0, false),
				Arguments.of("code only (Lite 2.5)", 0, 1100, false),
				Arguments.of("unexpected legacy", ErrorCode.UnexpectedError_VALUE, 65535, false));
	}

}
