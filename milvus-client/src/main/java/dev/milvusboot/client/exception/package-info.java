/**
 * The client's one unchecked exception family: {@link dev.milvusboot.client.exception.MilvusException} and the
 * subclasses a caller can catch (not found, already exists, invalid argument, unauthenticated, permission
 * denied, timeout, unavailable, rate limited, unsupported).
 */
package dev.milvusboot.client.exception;
