/**
 * Auto-configuration of Spring Data repositories for Milvus.
 */
package dev.milvusboot.autoconfigure.data.repository;
