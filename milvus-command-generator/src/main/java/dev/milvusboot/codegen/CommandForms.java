package dev.milvusboot.codegen;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a blocking command interface of the client (package {@code ...api.sync}, name {@code MilvusXxxCommands}):
 * {@link CommandFormsProcessor} derives from it the asynchronous form ({@code ...api.async.MilvusXxxAsyncCommands},
 * {@code CompletableFuture}s) and the reactive form ({@code ...api.reactive.MilvusXxxReactiveCommands}, Reactor
 * {@code Mono}s), and adds every method of it, in all three forms, to the abstract command classes in
 * {@code ...internal.command}. Each method delegates to the static method of the same name and parameters of
 * {@code ...internal.command.XxxRequests}, which returns the operation as a {@code Command}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface CommandForms {

	/**
	 * Marks a method that exists in the blocking form only (for example one returning an {@code Iterator}); its
	 * other forms are written by hand.
	 */
	@Documented
	@Retention(RetentionPolicy.SOURCE)
	@Target(ElementType.METHOD)
	@interface BlockingOnly {

	}

}
