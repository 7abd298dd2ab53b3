/**
 * The validator's side of the query path: {@link io.taofabric.transport.validator.FanOut} sends one
 * signed query to many miners and collects their answers until a deadline.
 */
package io.taofabric.transport.validator;
