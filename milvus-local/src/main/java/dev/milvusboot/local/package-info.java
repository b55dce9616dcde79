/**
 * Real Milvus servers on 127.0.0.1 without Docker, installed from PyPI by this code: {@link MilvusLite} (Milvus
 * Lite 3.x, fast, the default for tests and local development) and {@link MilvusStandalone} (the full Milvus 2.3
 * standalone, for authentication, TLS, partition loading and real compaction), both {@link MilvusLocalServer}s.
 * Their Python environments are made and cached by {@link PythonInstaller} from {@link PythonRequirements};
 * {@link MilvusProbe} checks a server over gRPC without generated stubs. Every failure is a
 * {@link MilvusLocalException} whose {@link MilvusLocalException.Reason} tells what went wrong.
 */
package dev.milvusboot.local;
