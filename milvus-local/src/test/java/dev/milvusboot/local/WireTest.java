package dev.milvusboot.local;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written protobuf decoding of the readiness probe, and the milvus.yaml port reading. */
class WireTest {

	@Test
	void decodesGetVersionResponse() {
		// status { error_code: 0, reason: "" } is empty; version = "v2.3.5"
		byte[] version = "v2.3.5".getBytes(StandardCharsets.UTF_8);
		byte[] message = new byte[2 + 2 + version.length];
		message[0] = 0x0a;
		message[1] = 0;
		message[2] = 0x12;
		message[3] = (byte) version.length;
		System.arraycopy(version, 0, message, 4, version.length);
		List<Wire.Field> fields = Wire.fields(message);
		assertThat(fields).hasSize(2);
		assertThat(fields.get(1).number).isEqualTo(2);
		assertThat(fields.get(1).string()).isEqualTo("v2.3.5");
	}

	@Test
	void decodesMultiByteVarintsAndSkipsFixedFields() {
		// field 1 varint 300, field 3 fixed64, field 4 fixed32
		byte[] message = { 0x08, (byte) 0xac, 0x02, 0x19, 1, 2, 3, 4, 5, 6, 7, 8, 0x25, 1, 2, 3, 4 };
		List<Wire.Field> fields = Wire.fields(message);
		assertThat(fields).hasSize(1);
		assertThat(fields.get(0).varint).isEqualTo(300);
	}

	@Test
	void rejectsTruncatedMessages() {
		assertThatThrownBy(() -> Wire.fields(new byte[] { 0x12, 5, 'a' })).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Wire.fields(new byte[] { 0x08, (byte) 0x80 }))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsTheProxyPortOfARenderedConfiguration() {
		List<String> yaml = List.of("rootCoord:", "  port: 53100", "# comment", "proxy:", "  http:",
				"    enabled: true", "  ip: ", "  port: 41234", "  internalPort: 41235", "queryCoord:", "  port: 1");
		assertThat(StandaloneLayout.proxyPort(yaml)).isEqualTo(41234);
		assertThat(StandaloneLayout.proxyPort(List.of("proxy:", "  ip:"))).isEqualTo(-1);
	}

	@Test
	void requirementsNameTheirEnvironmentByPackagesAndPython() {
		assertThat(PythonRequirements.milvusLite("3.2.2").directoryName("3.11"))
			.isEqualTo("milvus-lite-3.2.2_pymilvus-3.0.2_py3.11");
		assertThat(PythonRequirements.milvusStandalone("2.3.5").directoryName("3.12")).isEqualTo("milvus-2.3.5_py3.12");
	}

}
