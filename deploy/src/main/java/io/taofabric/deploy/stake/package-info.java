/** {@code fabric stake}: the wallet's coldkey stakes TAO on hotkeys, through the gateway. */
package io.taofabric.deploy.stake;
