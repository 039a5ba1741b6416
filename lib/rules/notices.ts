// Notices (повістки): who the law protects, and when a person may be told to appear. Pure, like
// the rest of lib/rules.
export * from "./notice-facts";
export * from "./notice-rulesets";
export * from "./decide-notice";
export * from "./notice-reasons";
export * from "./notice-appearance";
