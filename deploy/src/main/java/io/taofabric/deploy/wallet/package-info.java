/**
 * {@code fabric wallet}: btcli-style wallets on this machine ({@code create}, {@code new-hotkey},
 * {@code list}) and the coldkey's balance and transfers through the gateway.
 */
package io.taofabric.deploy.wallet;
