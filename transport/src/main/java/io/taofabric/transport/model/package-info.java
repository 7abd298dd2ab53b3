/**
 * Existing models behind the fabric's {@link io.taofabric.core.model.Model} SPI: a Tribuo classifier
 * trained at start-up ({@link io.taofabric.transport.model.TribuoClassifier}) and an OpenAI-compatible
 * completion endpoint over HTTP ({@link io.taofabric.transport.model.OpenAiCompletionModel}). They live
 * here, not in fabric-core, because they bring libraries and I/O that the pure core must not.
 */
package io.taofabric.transport.model;
