export * from "./rnokpp";
export * from "./edrpou";
export * from "./schemas";
