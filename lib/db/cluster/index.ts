export { checkDatabaseServer, type DatabaseServerInfo } from "./check-database-server";
export {
  parseDatabaseUrl,
  quoteIdentifier,
  redactDatabaseUrl,
  withDatabaseName,
  type DatabaseUrlParts,
} from "./database-url";
export { startEmbeddedCluster, type RunningCluster, type StartClusterOptions } from "./embedded-cluster";
export { findFreePort, isPortFree } from "./free-port";
export {
  APP_DATABASE,
  clusterFolder,
  openDatabase,
  type OpenDatabase,
  type OpenDatabaseOptions,
} from "./open-database";
export { REPLICATION_SLOT, startReplica, type RunningReplica, type StartReplicaOptions } from "./start-replica";
