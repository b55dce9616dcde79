package dev.milvusboot.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions compared, as the build recorded them. */
public final class Versions {

	private static final Properties PROPERTIES = load();

	private Versions() {
	}

	/** The version of {@code io.milvus:milvus-sdk-java} on the classpath. */
	public static String officialSdk() {
		return PROPERTIES.getProperty("milvus-sdk-java.version", "?");
	}

	/** The version of our client ({@code milvus-client}), from its jar manifest or jar name. */
	public static String ours() {
		Package pkg = dev.milvusboot.client.MilvusClient.class.getPackage();
		String version = (pkg != null) ? pkg.getImplementationVersion() : null;
		return (version != null) ? version : jarVersion(dev.milvusboot.client.MilvusClient.class);
	}

	/** The JMH version. */
	public static String jmh() {
		return PROPERTIES.getProperty("jmh.version", "?");
	}

	/** The protobuf-java runtime on the classpath. */
	public static String protobuf() {
		Package pkg = com.google.protobuf.Message.class.getPackage();
		String version = (pkg != null) ? pkg.getImplementationVersion() : null;
		return (version != null) ? version : jarVersion(com.google.protobuf.Message.class);
	}

	/** The grpc-java our client runs on (the SDK has its own, shaded). */
	public static String grpc() {
		Package pkg = io.grpc.ManagedChannel.class.getPackage();
		String version = (pkg != null) ? pkg.getImplementationVersion() : null;
		return (version != null) ? version : jarVersion(io.grpc.ManagedChannel.class);
	}

	private static String jarVersion(Class<?> type) {
		var source = type.getProtectionDomain().getCodeSource();
		if (source == null) {
			return "?";
		}
		String path = source.getLocation().getPath();
		String jar = path.substring(path.lastIndexOf('/') + 1);
		return jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = Versions.class.getResourceAsStream("/milvus-benchmarks.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
