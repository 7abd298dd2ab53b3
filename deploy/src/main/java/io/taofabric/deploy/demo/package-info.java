/**
 * {@code fabric demo}: the adversarial simulation of fabric-core's {@code io.taofabric.core.sim} on
 * the forecasting subnet and on the classification subnet, whose honest miners are Tribuo models
 * trained here (fabric-core does not depend on Tribuo).
 */
package io.taofabric.deploy.demo;
