/**
 * The binary forms of the messages the ledger's and the network's entities exchange across nodes:
 * commands, their replies, and the values inside them, each with its own versioned codec framed
 * like the stored events ({@link io.taofabric.persistence.serialization.CodecRegistry}). {@link
 * io.taofabric.actors.serialization.MessageSerializer} is bound to them in this module's {@code
 * reference.conf}. Messages an entity sends only to itself ({@code pipeToSelf} answers, timers) are
 * private and have no codec: they never leave the actor.
 */
package io.taofabric.actors.serialization;
