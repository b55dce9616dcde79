package dev.milvusboot.client.internal.codec;

import java.util.Arrays;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.FunctionSchema;
import dev.milvusboot.client.internal.proto.FunctionType;
import dev.milvusboot.client.schema.SchemaFunction;

/**
 * Converts schema functions between our type and the protocol's {@code FunctionSchema}. A type name the protocol
 * does not know yet travels as its number (a server newer than this client describes such a function with it).
 * Field ids are left to the server (Milvus Lite 3.2 describes functions without them). Internal API.
 */
final class FunctionCodec {

	private FunctionCodec() {
	}

	static FunctionSchema toProto(SchemaFunction function) {
		FunctionSchema.Builder builder = FunctionSchema.newBuilder()
			.setName(function.name())
			.setDescription(function.description())
			.addAllInputFieldNames(function.inputFields())
			.addAllOutputFieldNames(function.outputFields());
		setType(builder, function);
		function.params().forEach((key, value) -> builder.addParams(SchemaCodec.pair(key, value)));
		return builder.build();
	}

	static SchemaFunction fromProto(FunctionSchema proto) {
		String type = (proto.getType() == FunctionType.UNRECOGNIZED) ? Integer.toString(proto.getTypeValue())
				: proto.getType().name();
		SchemaFunction.Builder builder = SchemaFunction.builder(proto.getName(), type)
			.description(proto.getDescription());
		proto.getInputFieldNamesList().forEach(builder::inputField);
		proto.getOutputFieldNamesList().forEach(builder::outputField);
		proto.getParamsList().forEach((pair) -> builder.param(pair.getKey(), pair.getValue()));
		return builder.build();
	}

	private static void setType(FunctionSchema.Builder builder, SchemaFunction function) {
		for (FunctionType type : FunctionType.values()) {
			if (type != FunctionType.UNRECOGNIZED && type != FunctionType.Unknown
					&& type.name().equalsIgnoreCase(function.type())) {
				builder.setType(type);
				return;
			}
		}
		try {
			builder.setTypeValue(Integer.parseInt(function.type().trim()));
		}
		catch (NumberFormatException ex) {
			throw new MilvusInvalidArgumentException("Function '" + function.name() + "' has type '" + function.type()
					+ "', which this client does not know; known types: "
					+ Arrays.stream(FunctionType.values())
						.filter((type) -> type != FunctionType.UNRECOGNIZED && type != FunctionType.Unknown)
						.map(FunctionType::name)
						.toList()
					+ " (or give the type's protocol number)");
		}
	}

}
