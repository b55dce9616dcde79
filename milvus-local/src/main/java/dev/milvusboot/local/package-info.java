/**
 * Real Milvus servers on 127.0.0.1 without Docker, installed from PyPI by this code: {@link MilvusLite} in two
 * {@linkplain MilvusLite.Engine engines} ({@link MilvusLite.Engine#PYTHON}, the default: Milvus Lite 3.x, pure
 * Python, in a virtual environment made and cached by {@link PythonInstaller} from {@link PythonRequirements};
 * {@link MilvusLite.Engine#NATIVE}: Milvus Lite 2.5, one C++ binary from Milvus' own engine, downloaded without
 * Python) and {@link MilvusStandalone} (the full Milvus 2.3 standalone, for authentication, TLS, partition loading
 * and real compaction), all {@link MilvusLocalServer}s. Every server runs below a watchdog that ends it when the
 * JVM that started it dies, however it dies; a leftover server still holding Milvus Lite's data directory is
 * stopped or reported before a start. {@link MilvusProbe} checks a server over gRPC without generated stubs. Every
 * failure is a {@link MilvusLocalException} whose {@link MilvusLocalException.Reason} tells what went wrong.
 */
package dev.milvusboot.local;
