/**
 * {@code fabric node}: a node of the taofabric cluster (seed nodes, roles, split brain resolver,
 * Cluster Sharding of every entity type, management HTTP), and the start sequence the ledger
 * commands' one-node cluster shares.
 */
package io.taofabric.deploy.node;
