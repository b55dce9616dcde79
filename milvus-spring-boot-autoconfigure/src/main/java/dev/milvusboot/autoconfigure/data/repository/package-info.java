/**
 * Auto-configuration of Spring Data repositories for Milvus, blocking and (with Reactor) reactive.
 */
package dev.milvusboot.autoconfigure.data.repository;
