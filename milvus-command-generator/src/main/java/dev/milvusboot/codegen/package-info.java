/**
 * Build-time code generation for the client: {@link dev.milvusboot.codegen.CommandFormsProcessor} derives the
 * asynchronous and reactive command interfaces from the blocking ones marked
 * {@link dev.milvusboot.codegen.CommandForms}.
 */
package dev.milvusboot.codegen;
