/**
 * JUnit Jupiter support: {@link dev.milvusboot.local.junit.MilvusLiteTest} starts one shared Milvus Lite per
 * engine and test JVM ({@code @MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)} for Milvus Lite 2.5) and hands
 * each test class unique names; {@link dev.milvusboot.local.junit.MilvusStandaloneTest} does the same with the
 * full Milvus 2.3 standalone.
 */
package dev.milvusboot.local.junit;
